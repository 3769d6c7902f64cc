//! Actors: persons and organizations, aliases merged, with roles and the
//! country they act for.
//!
//! Two cooperating means find them:
//! - the gazetteer (heads of state and government, ministers, spokespeople,
//!   agencies, alliances, media …), and
//! - patterns for the many actors in no list:
//!   - **organizations**: a head word (`Bộ`, `Hội đồng`, `Cơ quan`, `Viện`,
//!     `Đại học`, `Ủy ban`, `Cục`, `Tổ chức` …) followed by the words of
//!     the name, ending at a country (`Bộ Quốc phòng Belarus`), an embedded
//!     organization (`… Nhà Trắng`) or the first function word; an
//!     acronym in parentheses after it is an alias;
//!   - **persons**: a run of capitalized words right after a *title chain*:
//!     a title (`Bộ trưởng`, `Trung tướng`, `phát ngôn viên`, `ông` …)
//!     followed by its domain (`Quốc phòng`), countries, organizations and
//!     connectors (`của`, `và`, `kiêm`, `tại` …):
//!     `Thứ trưởng Ngoại giao Iran phụ trách Chính trị Ali Bagheri Kani`.
//!
//! Roles are the titles of the chain (with the organization that directly
//! follows a title); the affiliation is the first country of the chain, else
//! the country of its organization, else the gazetteer's, else the one of an
//! apposition (`ông X, phát ngôn viên của … Hàn Quốc`) or of a delegation
//! (`phái đoàn Triều Tiên do ông X dẫn đầu`).
//!
//! Within a document, short forms merge into the full name they shorten
//! (`ông Kim` → `Kim Jong Un`, `Putin` → `Vladimir Putin`), choosing the
//! nearest preceding full name; hyphen and spacing variants share one key.

use super::places::PlaceMention;
use super::tokens::{is_all_caps, is_capitalized, is_vietnamese_syllable, tokens_in, Token};
use super::Context;
use crate::fast_hash::FastMap;
use crate::gazetteer::{Gazetteer, Hit, KeyWords, Target, TitleKind};
use crate::model::{Actor, ActorKind, Mention};
use crate::normalize::{fold_str, phrase_key};
use crate::prepare::Prepared;

/// What a token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    None,
    /// A title phrase (index into the title hits).
    Title(TitleKind, usize),
    /// A place mention (index into the place mentions).
    Place(usize),
    /// A gazetteer actor (index into the actor hits).
    Actor(usize),
    /// A pattern organization (index into the found organizations).
    Org(usize),
}

impl Label {
    /// A title that names an office or rank (`Người phát ngôn`, `Đại
    /// tướng`), not a field (`Quốc phòng`) or an honorific (`ông`).
    fn is_office_title(self) -> bool {
        matches!(self, Label::Title(k, _) if k != TitleKind::Domain && k != TitleKind::Honorific)
    }
}

/// Words that may sit inside a title chain between its parts.
const CONNECTORS: &[&str] = &[
    "của",
    "và",
    "kiêm",
    // `Tổng tham mưu trưởng quân đội Nga`: the lowercase common noun (a
    // capitalized `Quân đội Nga` is an organization)
    "quân",
    "đội",
    "tại",
    "ở",
    "các",
    "nước",
    "phụ",
    "trách",
    "thuộc",
    "về",
    "phía",
    "đặc",
    "biệt",
    "thường",
    "trực",
    "khu",
    "vực",
    "cấp",
    "cao",
    "quốc",
    "gia",
    "an",
    "ninh",
    "truyền",
    "thông",
    "chiến",
    "lược",
    "đương",
    "nhiệm",
    "tiền",
    "nhiệm",
    "cựu",
    "mới",
    "tạm",
    "quyền",
    "nhà",
    "sự",
    "vụ",
    "sứ",
    "quán",
    "liên",
    "quân",
];

/// Words before a title that are part of the role: former (`cựu`,
/// `nguyên`), new (`tân`), acting (`quyền`).
const ROLE_MODIFIERS: &[&str] = &["cựu", "nguyên", "tân", "quyền"];

/// Words after a title that say which holder of it is meant, read into the
/// role: `Tổng thống đắc cử` (elect), `Thủ tướng sắp mãn nhiệm` (outgoing),
/// `Tổng thống lâm thời` (interim), `Thủ tướng tạm quyền` (acting),
/// `đương nhiệm` (sitting), `tiền nhiệm` (previous), `cao cấp` (senior),
/// `thường trực` (standing), `thứ nhất` (first: `Thứ trưởng Ngoại giao thứ
/// nhất`, whose title lists no `… thứ nhất` form). Longer phrases first.
const TITLE_STATUS: &[&[&str]] = &[
    &["sắp", "mãn", "nhiệm"],
    &["cao", "cấp"],
    &["đắc", "cử"],
    &["mãn", "nhiệm"],
    &["lâm", "thời"],
    &["tạm", "quyền"],
    &["đương", "nhiệm"],
    &["tiền", "nhiệm"],
    &["thường", "trực"],
    &["thứ", "nhất"],
];

/// Honorifics of [`TitleKind::Honorific`] that name a relation: before a
/// title, they make the titled one someone else (`em gái nhà lãnh đạo`, the
/// leader's sister).
const KINSHIP: &[&str] = &[
    "anh trai",
    "cháu gái",
    "cháu trai",
    "chị gái",
    "chồng",
    "con gái",
    "con trai",
    "em gái",
    "em trai",
    "phu nhân",
    "vợ",
];

/// Two-syllable words whose second syllable is a [`ROLE_MODIFIERS`] word:
/// there it modifies nothing (`chính quyền Tổng thống Trump` is the
/// President's administration, not an acting president).
const MODIFIER_COMPOUNDS: &[(&str, &str)] = &[
    ("chính", "quyền"),
    ("nhân", "quyền"),
    ("chủ", "quyền"),
    ("thẩm", "quyền"),
    ("đặc", "quyền"),
    ("toàn", "quyền"),
    ("ủy", "quyền"),
    ("bản", "quyền"),
    ("dân", "quyền"),
    ("độc", "quyền"),
    ("tài", "nguyên"),
    ("thảo", "nguyên"),
    ("bình", "nguyên"),
    ("cao", "nguyên"),
    ("căn", "nguyên"),
];

/// Room for the lowercase form of a connector: longer words are none.
const CONNECTOR_MAX: usize = 24;

/// [`CONNECTORS`] as a set.
fn connectors() -> &'static crate::fast_hash::FastSet<&'static str> {
    static SET: std::sync::OnceLock<crate::fast_hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        assert!(CONNECTORS.iter().all(|c| c.len() <= CONNECTOR_MAX));
        CONNECTORS.iter().copied().collect()
    })
}

/// The words of [`TITLE_STATUS`] phrases as a set.
///
/// Speed: [`Labeled::is_connector`] asks of every word of a title chain
/// whether it is in one of those phrases; most words are in none, and a
/// set look-up tells so without comparing the word with every phrase's
/// words (which cost 5k instructions a document once `thứ nhất` was added).
fn title_status_words() -> &'static crate::fast_hash::FastSet<&'static str> {
    static SET: std::sync::OnceLock<crate::fast_hash::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        TITLE_STATUS
            .iter()
            .flat_map(|p| p.iter().copied())
            .collect()
    })
}

/// `word` lowercased character by character (as `str::to_lowercase` does,
/// but for a final sigma) into `buf`, or none when it does not fit.
fn lowercase_short<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        c.encode_utf8(buf.get_mut(len..len + n)?);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// Words that end an organization name.
pub(super) const ORG_STOP: &[&str] = &[
    "đã", "sẽ", "đang", "vừa", "mới", "cũng", "không", "chưa", "là", "có", "được", "bị", "cho",
    "của", "với", "về", "tại", "ở", "trong", "ngoài", "từ", "đến", "tới", "sang", "nhằm", "để",
    "khi", "nếu", "thì", "mà", "này", "đó", "kia", "các", "những", "một", "hai", "ba", "nói",
    "biết", "rằng", "ngày", "hôm", "tháng", "năm", "theo", "sau", "trước", "giữa", "phía", "bên",
    "người", "ông", "bà", "vào", "ra", "lên", "xuống", "do", "bởi", "vì", "nên", "như", "hay",
    "hoặc", "nhưng", "song", "tuy", "đều", "vẫn", "còn", "lại", "cùng", "nhau", "thêm", "rất",
    "hơn", "nhất", "dẫn", "đầu", "trì", "tiếp", "gặp", "họp", "cáo", "buộc", "tuyên", "bố",
    "thông", "báo", "đưa", "tin", "kêu", "gọi", "phát", "biểu", "ký", "nhấn", "mạnh", "sáng",
    "trưa", "chiều", "tối", "đêm", "tham", "khẳng", "yêu", "bày", "cảnh", "xác", "cử", "trả",
    "nêu", "bác", "phản", "nhận", "đánh", "phân", "ước", "dự", "viết", "lưu", "thuộc", "cập",
    "đón", "thăm", "rời",
];

/// Words of [`ORG_STOP`] that a name may hold where its acronym follows
/// (`Văn phòng Điều phối các vấn đề nhân đạo (OCHA)`, `Ủy ban Hợp tác của
/// các tỉnh biên giới (JCC)`): the acronym in brackets shows where the
/// name ends.
/// `và` ends the words: `Bộ Quốc phòng và các đơn vị (…)` is two subjects
/// (a name's capitalized words after `và` are read by the name loop).
const WORDS_INSIDE_NAMES: &[&str] = &["các", "của", "về", "cho", "vì"];

/// Compounds that name a field inside an organization's name, where a
/// word of them is in [`ORG_STOP`] or they are written in lowercase after
/// a lowercase syllable: `Hệ thống Không người lái` (unmanned systems),
/// `Lữ đoàn phòng không` (air defense), `Lực lượng Không gian` (space),
/// `Lực lượng Bảo vệ bờ biển Nhật Bản` (the coast guard), `Ủy ban liên
/// chính phủ Nga - Triều Tiên` (intergovernmental), `Trung tâm Khoa học và
/// Công nghệ hạt nhân` (nuclear).
const ORG_COMPOUNDS: &[&str] = &[
    "biên giới",
    "bờ biển",
    "có người lái",
    "không gian",
    "không lưu",
    "không người lái",
    "hạt nhân",
    "không quân",
    "liên chính phủ",
    "nguyên tử",
    "nhân dân",
    "phòng không",
    "quốc gia",
    "quốc tế",
    "tối cao",
    "vũ trụ không gian",
];

/// Administrative units, as written before a place's name inside the name
/// of the body that governs it (`Ủy ban nhân dân tỉnh Quảng Ninh`, `Sở Y tế
/// thành phố Hà Nội`). Longer first.
const ADMIN_UNITS: &[&str] = &[
    "thành phố",
    "thị trấn",
    "thị xã",
    "huyện",
    "phường",
    "quận",
    "tỉnh",
    "xã",
    "TP",
];

/// Two-word verbs that end an organization name, whose first word alone
/// does not (`chủ` ends `… chủ trì` but belongs to `Dân chủ`).
const ORG_STOP_PHRASES: &[(&str, &str)] = &[
    ("chủ", "trì"),
    ("chủ", "động"),
    ("chủ", "yếu"),
    ("chủ", "trương"),
    ("tổ", "chức"),
    ("công", "bố"),
    ("triển", "khai"),
    ("tiến", "hành"),
    ("điều", "tra"),
    ("ban", "hành"),
    ("phê", "chuẩn"),
    ("chỉ", "trích"),
    ("lên", "án"),
    ("hoan", "nghênh"),
    ("ra", "mắt"),
    ("tập", "trận"),
    ("tập", "huấn"),
    ("tập", "kích"),
    ("diễn", "tập"),
    ("tấn", "công"),
    ("thử", "nghiệm"),
];

/// Head words of organization names (capitalized as written here).
const ORG_HEADS: &[&str] = &[
    "Bộ Tư lệnh",
    "Bộ Tổng tham mưu",
    // a command (`Bộ Chỉ huy Trung tâm Mỹ`), a staff
    "Bộ Chỉ huy",
    "Bộ Tham mưu",
    "Bộ",
    "Hội đồng",
    "Cơ quan",
    "Viện",
    "Đại học",
    "Học viện",
    "Hãng thông tấn",
    "Hãng tin",
    "Hãng",
    "Thông tấn xã",
    "Tổ chức",
    "Ủy ban",
    "Tổng cục",
    "Cục",
    "Văn phòng",
    "Quân đội",
    "Hải quân",
    "Không quân",
    "Lục quân",
    "Thủy quân lục chiến",
    "Liên minh",
    "Quốc hội",
    "Đảng",
    "Trung tâm",
    "Ban",
    "Tập đoàn",
    "Tổng công ty",
    "Công ty",
    "Liên doanh",
    "Phong trào",
    "Ngân hàng",
    "Tòa án",
    "Lực lượng",
    "Quân khu",
    "Quân ủy",
    "Quân đoàn",
    "Tiểu đoàn",
    "Bộ Chính trị",
    "Đại sứ quán",
    "Tổng lãnh sự quán",
    "Lãnh sự quán",
    "Hạm đội",
    "Sư đoàn",
    "Lữ đoàn",
    "Trung đoàn",
    "Thượng viện",
    "Hạ viện",
    "Nghị viện",
    "Chính phủ",
    "Nhật báo",
    "Thời báo",
    "Quỹ",
    "Hiệp hội",
    "Liên đoàn",
    "Nhóm",
    "Mặt trận",
    "Sở",
    "Đài",
    "Báo",
    // people's committee, people's council (of a province, city, district)
    "UBND",
    "HĐND",
];

/// Heads that a known organization's name may follow as a description
/// of it (`Phong trào Hồi giáo Hamas` is Hamas, `Hãng Boeing` is Boeing),
/// where other heads name a part of the organization after them.
const APPOSITIVE_HEADS: &[&str] = &[
    "Phong trào",
    "Tập đoàn",
    "Tổng công ty",
    "Công ty",
    "Hãng",
    "Hãng tin",
    "Hãng thông tấn",
    "Lực lượng",
    "Liên doanh",
];

/// Heads of military units, whose names may end in a number (`Sư đoàn 11`).
const NUMBERED_HEADS: &[&str] = &[
    "Lữ đoàn",
    "Sư đoàn",
    "Trung đoàn",
    "Tiểu đoàn",
    "Quân đoàn",
    "Hạm đội",
    "Quân khu",
];

/// Heads that name a body with no name after them: a legislature or a
/// party's leadership (`Theo Quốc hội, …`), which the document means as
/// one body (it joins the one named with its country, if any, see
/// [`merge_unqualified_orgs`]). Other heads alone are common nouns
/// (`Bộ`, `Cơ quan`, `Lực lượng`).
const BODIES_BY_HEAD_ALONE: &[&str] = &[
    "Quốc hội",
    "Thượng viện",
    "Hạ viện",
    "Nghị viện",
    "Bộ Chính trị",
];

/// Plural and quantity words, capitalized as the first word of an
/// organization's name (`Các lực lượng vũ trang Nga`), that never begin a
/// person's name.
const NOT_NAME_STARTS: &[&str] = &[
    "Các", "Cả", "Mọi", "Mỗi", "Một", "Nhiều", "Những", "Tất", "Từng",
];

/// Nouns of places and things named after a person, right before the name
/// (`đường Trần Hưng Đạo`, `quảng trường …`, `đại lộ …`, `bệnh viện …`,
/// `tượng đài …`): the name that follows is no person's mention. (Not
/// `viên`: `sinh viên`, `thành viên` are people.)
const NAMED_AFTER_A_PERSON: &[&str] = &[
    "cảng",
    "cầu",
    "đài",
    "đền",
    "đường",
    "giải",
    "hẻm",
    "huyện",
    "lăng",
    "lộ",
    "ngõ",
    "phố",
    "phường",
    "quận",
    "tàu",
    "trường",
    "tượng",
    "viện",
    "xã",
];

/// True for a word of ASCII digits only.
fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

const SURNAMES_TSV: &str = include_str!("../../data/surnames.tsv");

/// True for a Vietnamese (or Sino-Vietnamese) family name, as written.
fn is_surname(word: &str) -> bool {
    static SURNAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SURNAMES
        .get_or_init(|| {
            SURNAMES_TSV
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .binary_search(&word)
        .is_ok()
}

/// Family names of [`is_surname`] that are Vietnamese, where the others
/// are also read from Chinese names (`Trần`, `Hoàng`, `Lý`: Chinese names
/// are written in their Sino-Vietnamese reading, `Lý Thượng Phúc`).
const VIETNAMESE_ONLY_SURNAMES: &[&str] = &["Bùi", "Huỳnh", "Lê", "Nguyễn", "Phạm", "Võ", "Vũ"];

/// True for a Vietnamese personal name: two to four capitalized
/// Vietnamese syllables after a family name of [`is_surname`], and either
/// one of [`VIETNAMESE_ONLY_SURNAMES`], four words, or the middle name
/// `Văn` or `Thị` (no Chinese name has either): `Nguyễn Minh Vũ`, `Trần
/// Văn Bảy`; not `Lý Thượng Phúc`, `Tập Cận Bình`.
fn is_vietnamese_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| is_capitalized(w) && is_vietnamese_syllable(w))
        && is_surname(words[0])
        && (VIETNAMESE_ONLY_SURNAMES.contains(&words[0])
            || words.len() == 4
            || matches!(words[1], "Văn" | "Thị"))
}

const KOREAN_SURNAMES_TSV: &str = include_str!("../../data/korean_surnames.tsv");

/// The country whose romanization a Korean name of two or more words is
/// written in, by its family name (`data/korean_surnames.tsv`): `Lee`,
/// `Park`, `Choi` before a hyphenated given name (`Lee Seong-kweun`) are
/// South Korea's; `Ri`, `Pak`, `Choe` North Korea's (`Ri Yong Gil`).
/// None for other names.
fn korean_romanization(name: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str, bool)>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crate::gazetteer::rows(KOREAN_SURNAMES_TSV, 3)
            .map(|(_, cols)| (cols[0], cols[1], cols[2] == "hyphen"))
            .collect()
    });
    let mut words = name.split_whitespace();
    let surname = words.next()?;
    let given: Vec<&str> = words.collect();
    let &(_, country, needs_hyphen) = table.iter().find(|(s, _, _)| *s == surname)?;
    let hyphenated = given.len() == 1 && given[0].contains('-');
    let ok = if needs_hyphen {
        hyphenated
    } else {
        hyphenated || given.len() == 2
    };
    ok.then_some(country)
}

/// The organization heads split into words, by their first word, longest
/// first, computed once: a capitalized word is looked up once rather than
/// compared with every head.
fn org_heads() -> &'static crate::fast_hash::FastMap<&'static str, Vec<Vec<&'static str>>> {
    static HEADS: std::sync::OnceLock<
        crate::fast_hash::FastMap<&'static str, Vec<Vec<&'static str>>>,
    > = std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = crate::fast_hash::FastMap::<&str, Vec<Vec<&str>>>::default();
        for head in ORG_HEADS {
            let words: Vec<&str> = head.split(' ').collect();
            heads.entry(words[0]).or_default().push(words);
        }
        for group in heads.values_mut() {
            group.sort_by_key(|h| std::cmp::Reverse(h.len()));
        }
        heads
    })
}

/// One organization found by a pattern (normalized offsets).
#[derive(Debug, Clone)]
struct FoundOrg {
    start: usize,
    end: usize,
    country: Option<String>,
    /// Acronym alias `(ISW)` right after the name: its span.
    acronym: Option<(usize, usize)>,
    /// Its name names no known place or organization (`Hội đồng An ninh
    /// Quốc gia`, not `Hội đồng châu Âu`).
    plain_name: bool,
}

/// Everything the actor pass produces.
#[derive(Debug, Default)]
pub struct ActorsResult {
    /// The merged actors, ordered by first mention.
    pub actors: Vec<Actor>,
    /// Spans of person mentions (normalized), for place filtering.
    pub person_spans: Vec<(usize, usize)>,
    /// Spans of organization mentions (normalized).
    pub org_spans: Vec<(usize, usize)>,
    /// Organization mentions with the organization's country, in order.
    pub org_countries: Vec<(usize, usize, Option<String>)>,
}

/// Who a mention refers to, before merging.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    Known(usize),
    Person(String),
    Org(String),
}

#[derive(Debug, Clone)]
struct RawMention {
    start: usize,
    end: usize,
    identity: Identity,
    kind: ActorKind,
    roles: Vec<String>,
    affiliation: Option<String>,
    /// For persons: the name's word keys, for short-form merging.
    words: Vec<String>,
}

/// Find and merge the actors of a document.
pub fn extract(
    doc: &Prepared,
    ctx: &Context,
    tokens: &[Token],
    places: &[PlaceMention],
) -> ActorsResult {
    let g = ctx.gazetteer;
    let text = doc.text();
    let from = doc.header.body_start;
    let title_hits = g.find_titles(&doc.key, &doc.key_words, from);
    let mut actor_hits = g.find_actors(text, &doc.key, &doc.key_words, from);
    // a person a place is named after is no mention of the person:
    // `quảng trường Kim Il Sung`, `Thành phố Hồ Chí Minh`
    actor_hits.retain(|h| {
        let Target::Actor(index) = h.target else {
            return true;
        };
        // (places are sorted by start: a place holding the hit starts
        // among the last few before it)
        let before = places.partition_point(|m| m.start <= h.start);
        // nor is a part of a hyphenated name: `Yoon` of `Park Yoon-joo`
        // (a given name's second syllable is lowercase, where a dash
        // between two names, `Nga-Triều Tiên`, has a capital after it)
        let inside_a_hyphenated_name = {
            let mut after = text[h.end..].chars();
            after.next() == Some('-') && after.next().is_some_and(char::is_lowercase)
        };
        g.actors[index].kind != ActorKind::Person
            || !inside_a_hyphenated_name
                && !places[..before]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|m| h.end <= m.end && (m.start, m.end) != (h.start, h.end))
    });

    let mut labels = vec![Label::None; tokens.len()];
    for (i, h) in title_hits.iter().enumerate() {
        if let Target::Title(kind) = h.target {
            for t in tokens_in(tokens, h.start, h.end) {
                labels[t] = Label::Title(kind, i);
            }
        }
    }
    for (i, m) in places.iter().enumerate() {
        for t in tokens_in(tokens, m.start, m.end) {
            labels[t] = Label::Place(i);
        }
    }
    for (i, h) in actor_hits.iter().enumerate() {
        for t in tokens_in(tokens, h.start, h.end) {
            labels[t] = Label::Actor(i);
        }
    }
    let lx = Labeled {
        text,
        key: &doc.key,
        tokens,
        g,
        places,
        actor_hits: &actor_hits,
        title_hits: &title_hits,
    };
    let mut orgs = lx.find_orgs(&mut labels);
    let mut raw = Vec::new();
    let split_persons = lx.split_org_tails(&mut orgs, &labels);
    let acronym_mentions = lx.label_acronym_mentions(&orgs, &mut labels);
    for h in &actor_hits {
        let Target::Actor(index) = h.target else {
            continue;
        };
        // a known organization inside a longer name (`Chính phủ Việt Nam`
        // in `Ủy ban Liên Chính phủ Việt Nam - Nga`) is part of that name
        // (one that ends the name, `Ủy ban Quân sự NATO`, is also named)
        let inside_a_name = orgs.iter().any(|o| o.start <= h.start && h.end < o.end);
        if g.actors[index].kind == ActorKind::Organization && !inside_a_name {
            let country = g.actors[index].affiliation.clone();
            raw.push(RawMention {
                start: h.start,
                end: h.end,
                identity: Identity::Known(index),
                kind: ActorKind::Organization,
                roles: Vec::new(),
                affiliation: country,
                words: Vec::new(),
            });
        }
    }
    for (oi, o) in orgs.iter().enumerate() {
        let acronym_hit = o.acronym.and_then(|(s, e)| {
            actor_hits
                .iter()
                .find(|h| h.start == s && h.end == e)
                .and_then(|h| {
                    if let Target::Actor(i) = h.target {
                        Some(i)
                    } else {
                        None
                    }
                })
        });
        let identity = match acronym_hit {
            Some(i) => Identity::Known(i),
            None => Identity::Org(phrase_key(&text[o.start..o.end])),
        };
        let country = o
            .country
            .clone()
            .or_else(|| acronym_hit.and_then(|i| g.actors[i].affiliation.clone()));
        // its name, its own acronym in brackets, and that acronym's other
        // mentions
        let own_acronym = o.acronym.filter(|_| acronym_hit.is_none());
        let acronym_elsewhere = acronym_mentions
            .iter()
            .filter(|m| m.0 == oi)
            .map(|&(_, s, e)| (s, e));
        for (start, end) in std::iter::once((o.start, o.end))
            .chain(own_acronym)
            .chain(acronym_elsewhere)
        {
            raw.push(RawMention {
                start,
                end,
                identity: identity.clone(),
                kind: ActorKind::Organization,
                roles: Vec::new(),
                affiliation: country.clone(),
                words: Vec::new(),
            });
        }
    }
    lx.find_persons(&labels, &orgs, &split_persons, &mut raw);
    raw.sort_by_key(|m| (m.start, m.end));
    merge(doc, g, raw)
}

/// The token view with every label source, shared by the rules.
struct Labeled<'a> {
    text: &'a str,
    /// The text's match key (lowercase, punctuation as spaces).
    key: &'a str,
    tokens: &'a [Token],
    g: &'a Gazetteer,
    places: &'a [PlaceMention],
    actor_hits: &'a [Hit],
    title_hits: &'a [Hit],
}

impl Labeled<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// True when a two-word verb that ends an organization name starts at
    /// token `j` (`chủ trì`: `Dân chủ` stays inside `Đảng Dân chủ`).
    fn verb_phrase_at(&self, j: usize) -> bool {
        j + 1 < self.tokens.len()
            && self.same_sentence(j, j + 1)
            && ORG_STOP_PHRASES.contains(&(self.word(j), self.word(j + 1)))
    }

    /// The title `hit` with the domain words after it, before token `end`
    /// (`Bộ trưởng` `Quốc phòng`): the end byte of its words and the token
    /// after them.
    fn title_with_domains(&self, hit: Hit, end: usize, labels: &[Label]) -> (usize, usize) {
        let mut role_end = hit.end;
        let mut m = tokens_in(self.tokens, hit.start, hit.end).end;
        while m < end && matches!(labels[m], Label::Title(TitleKind::Domain, _)) {
            role_end = self.tokens[m].end;
            m += 1;
        }
        (role_end, m)
    }

    /// The number of words of the [`ADMIN_UNITS`] word at token `j` (`tỉnh`,
    /// `thành phố`), when a place follows it in the same sentence.
    fn admin_unit_before_place(&self, j: usize, labels: &[Label]) -> Option<usize> {
        ADMIN_UNITS.iter().find_map(|unit| {
            let len = unit.split(' ').count();
            let words_match = unit.split(' ').enumerate().all(|(k, w)| {
                self.tokens.get(j + k).is_some_and(|t| t.is_word) && self.word(j + k) == w
            });
            let place = j + len;
            (words_match
                && place < self.tokens.len()
                && self.same_sentence(j, place)
                && matches!(labels[place], Label::Place(_)))
            .then_some(len)
        })
    }

    /// The last token of an [`ORG_COMPOUNDS`] phrase that covers token `j`
    /// and starts at or before it, its words in one sentence, letter case
    /// aside (`Không người lái`).
    fn compound_through(&self, j: usize) -> Option<usize> {
        // (no allocation: it is asked of many lowercase words in names)
        let same_word = |k: usize, w: &str| {
            self.tokens[k].is_word
                && self
                    .word(k)
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(w.chars())
        };
        ORG_COMPOUNDS.iter().find_map(|c| {
            let len = c.split(' ').count();
            (0..len).find_map(|back| {
                let start = j.checked_sub(back)?;
                let last = start + len - 1;
                let fits = last < self.tokens.len()
                    && self.same_sentence(start, last)
                    && c.split(' ')
                        .enumerate()
                        .all(|(k, w)| same_word(start + k, w));
                fits.then_some(last)
            })
        })
    }

    /// True when the organization head at tokens `i..i + len` names a
    /// military unit (`Sư đoàn`), whose name may end in a number.
    fn is_unit_head(&self, i: usize, len: usize) -> bool {
        self.head_is_one_of(i, len, NUMBERED_HEADS)
    }

    /// True when the `len` tokens at token `i` are, word for word, one of
    /// `heads`.
    fn head_is_one_of(&self, i: usize, len: usize, heads: &[&str]) -> bool {
        heads
            .iter()
            .any(|h| h.split(' ').eq((i..i + len).map(|k| self.word(k))))
    }

    /// The last token of a country, or of a known organization of states,
    /// joined by one of [`super::PAIR_JOINERS`] to the country that ends at
    /// token `last` (`Hàn - Mỹ`, `Nga – Triều`, `Hội đồng Nga - NATO`), if
    /// one is.
    fn paired_party_end(&self, last: usize, labels: &[Label]) -> Option<usize> {
        let dash = self.tokens.get(last + 1)?;
        if dash.is_word || !super::PAIR_JOINERS.contains(&dash.text(self.text)) {
            return None;
        }
        if !self.same_sentence(last, last + 2) {
            return None;
        }
        match labels.get(last + 2)? {
            Label::Place(p) => {
                let m = &self.places[*p];
                m.is_country(self.g)
                    .then(|| tokens_in(self.tokens, m.start, m.end).end - 1)
            }
            Label::Actor(h) if self.actor_kind(*h) == ActorKind::Organization => {
                let hit = self.actor_hits[*h];
                Some(tokens_in(self.tokens, hit.start, hit.end).end - 1)
            }
            _ => None,
        }
    }

    /// `Lực lượng Tuần duyên Philippines (PCG)` … `người phát ngôn PCG`:
    /// the other mentions of an acronym an organization was given in
    /// brackets (one no list knows), labeled as that organization so that
    /// title chains read through them. Returns `(organization, start,
    /// end)` for each.
    fn label_acronym_mentions(
        &self,
        orgs: &[FoundOrg],
        labels: &mut [Label],
    ) -> Vec<(usize, usize, usize)> {
        let own: Vec<(usize, &str, usize)> = orgs
            .iter()
            .enumerate()
            .filter_map(|(o, org)| {
                let (s, e) = org.acronym?;
                let k = tokens_in(self.tokens, s, e).start;
                (labels.get(k) == Some(&Label::None)).then(|| (o, &self.text[s..e], s))
            })
            .collect();
        let mut found = Vec::new();
        if own.is_empty() {
            return found;
        }
        for (k, t) in self.tokens.iter().enumerate() {
            if labels[k] != Label::None || !t.is_word || !t.capitalized {
                continue;
            }
            let word = t.text(self.text);
            if let Some(&(o, _, _)) = own.iter().find(|&&(_, a, at)| a == word && at != t.start) {
                labels[k] = Label::Org(o);
                found.push((o, t.start, t.end));
            }
        }
        found
    }

    /// True when the head of `len` tokens at token `i` names a body alone
    /// ([`BODIES_BY_HEAD_ALONE`]).
    fn is_body_by_head_alone(&self, i: usize, len: usize) -> bool {
        self.head_is_one_of(i, len, BODIES_BY_HEAD_ALONE)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.tokens[a].sentence == self.tokens[b].sentence
    }

    fn actor_kind(&self, hit: usize) -> ActorKind {
        match self.actor_hits[hit].target {
            Target::Actor(i) => self.g.actors[i].kind,
            _ => ActorKind::Organization,
        }
    }

    /// The country a label stands for, if any.
    fn country_of(&self, label: Label, orgs: &[FoundOrg]) -> Option<String> {
        match label {
            Label::Place(i) => self.places[i].country(self.g).map(str::to_string),
            Label::Actor(h) => match self.actor_hits[h].target {
                Target::Actor(i) if self.g.actors[i].kind == ActorKind::Organization => {
                    self.g.actors[i].affiliation.clone()
                }
                _ => None,
            },
            Label::Org(o) => orgs[o].country.clone(),
            _ => None,
        }
    }

    /// Find organizations by head word; label their tokens.
    fn find_orgs(&self, labels: &mut [Label]) -> Vec<FoundOrg> {
        let mut orgs: Vec<FoundOrg> = Vec::new();
        let n = self.tokens.len();
        let any_lowercase_party =
            memchr::memmem::find(self.text.as_bytes(), "đảng ".as_bytes()).is_some();
        let mut i = 0;
        while i < n {
            // (most tokens are not capitalized: no head starts there, but
            // for a party's, [`Labeled::lowercase_party_at`], asked only in
            // a text that has the word: asked of every lowercase token, it
            // cost 5k instructions a document)
            let head = if self.tokens[i].capitalized {
                self.head_at(i, labels)
            } else {
                (any_lowercase_party && self.lowercase_party_at(i, labels)).then_some(1)
            };
            let Some(head_len) = head else {
                i += 1;
                continue;
            };
            let mut j = i + head_len;
            let mut last_cap = None;
            let mut end_tok = None;
            let mut country = None;
            // the country of a city or region inside the name (`Đại học
            // Quốc gia Hà Nội`), when no country is named
            let mut place_country = None;
            // `Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng`: after a title,
            // a family name followed by another capitalized word starts the
            // person's name, not more of the organization's
            let after_title = i > 0 && labels[i - 1].is_office_title();
            while j < n
                && j < i + head_len + 10
                && self.same_sentence(i, j)
                && self.tokens[j].is_word
            {
                let w = self.word(j);
                match labels[j] {
                    Label::Place(p) => {
                        let m = &self.places[p];
                        let last = tokens_in(self.tokens, m.start, m.end).end - 1;
                        end_tok = Some(last);
                        if m.is_country(self.g) {
                            country = m.country(self.g).map(str::to_string);
                            // `Liên quân Hàn - Mỹ`: a pair of countries ends
                            // the name (its country is the first's)
                            end_tok = Some(self.paired_party_end(last, labels).unwrap_or(last));
                            break;
                        }
                        // a sea or region inside the name (`Hạm đội Thái Bình
                        // Dương Nga`): the country may still follow
                        if let Some(c) = m.country(self.g) {
                            place_country = Some(c.to_string());
                        }
                        last_cap = Some(last);
                        j = last + 1;
                    }
                    Label::Actor(h) => {
                        if self.actor_kind(h) == ActorKind::Person {
                            break;
                        }
                        let last = tokens_in(
                            self.tokens,
                            self.actor_hits[h].start,
                            self.actor_hits[h].end,
                        )
                        .end - 1;
                        country = self.country_of(Label::Actor(h), &orgs);
                        // `Ủy ban Liên Chính phủ Việt Nam - Nga`
                        end_tok = Some(self.paired_party_end(last, labels).unwrap_or(last));
                        break;
                    }
                    Label::Title(TitleKind::Domain, _) => {
                        last_cap = Some(j);
                        end_tok = Some(j);
                        j += 1;
                    }
                    Label::Title(..) | Label::Org(_) => break,
                    Label::None => {
                        if after_title
                            && end_tok.is_some()
                            && is_surname(w)
                            && j + 1 < n
                            && self.same_sentence(j, j + 1)
                            && labels[j + 1] == Label::None
                            && self.tokens[j + 1].is_word
                            && is_capitalized(self.word(j + 1))
                        {
                            break;
                        }
                        // `Người phát ngôn Bộ Quốc phòng Igor Konashenkov`,
                        // `… Bộ Thống nhất Koo Byoung-sam`: after a title and
                        // a whole name, two capitalized words, one of them
                        // no Vietnamese syllable, are a foreign person's name
                        if after_title && end_tok.is_some() && self.foreign_name_at(j, labels) {
                            break;
                        }
                        if is_capitalized(w) {
                            last_cap = Some(j);
                            end_tok = Some(j);
                            j += 1;
                        } else if is_number(w)
                            && (end_tok == Some(j - 1) && last_cap == Some(j - 1)
                                || end_tok.is_none()
                                    && j == i + head_len
                                    && self.is_unit_head(i, head_len))
                            && j + 1 < n
                            && self.same_sentence(j, j + 1)
                            && match labels[j + 1] {
                                Label::None | Label::Title(TitleKind::Domain, _) => true,
                                // `Vùng 2 Hải quân Việt Nam`
                                Label::Actor(h) => self.actor_kind(h) == ActorKind::Organization,
                                _ => false,
                            }
                            && self.tokens[j + 1].is_word
                            && is_capitalized(self.word(j + 1))
                        {
                            // `Bộ Tư lệnh Vùng 2 Hải quân`, `Sư đoàn 3 Sao
                            // Vàng`: a number inside the name, with
                            // capitalized name words on both sides (or a
                            // unit's head before it)
                            j += 1;
                        } else if w == "và"
                            && j + 1 < n
                            && labels[j + 1] == Label::None
                            && is_capitalized(self.word(j + 1))
                        {
                            j += 1;
                        } else if w == "liên"
                            && j == i + head_len
                            && j + 1 < n
                            && self.same_sentence(j, j + 1)
                            && !matches!(labels[j + 1], Label::Title(..))
                            && is_capitalized(self.word(j + 1))
                        {
                            // `Ủy ban liên Chính phủ …`: `liên` (inter-)
                            // before the capitalized rest of the name
                            j += 1;
                        } else if let Some(len) = (end_tok == Some(j - 1) || j == i + head_len)
                            .then(|| self.admin_unit_before_place(j, labels))
                            .flatten()
                        {
                            // `Ủy ban nhân dân thành phố Hà Nội`, `UBND tỉnh
                            // Quảng Ninh`: the place the body governs
                            j += len;
                        } else if let Some(last) = (end_tok == Some(j - 1) || j == i + head_len)
                            .then(|| self.compound_through(j))
                            .flatten()
                            .filter(|&last| labels[j..=last].iter().all(|l| *l == Label::None))
                        {
                            end_tok = Some(last);
                            j = last + 1;
                        } else if !ORG_STOP.contains(&w)
                            && w != "và"
                            && !self.verb_phrase_at(j)
                            // `Dầu khí`: the rest of a word whose first
                            // syllable is capitalized; not after a foreign
                            // name (`Tập đoàn Zarubezhneft vận hành`)
                            && ((last_cap == Some(j - 1) && is_vietnamese_syllable(self.word(j - 1)))
                                || (end_tok == Some(j - 1) && labels[j - 1] != Label::None))
                            && !is_number(w)
                        {
                            end_tok = Some(j);
                            j += 1;
                        } else {
                            // `Lữ đoàn Cơ giới 47`, `Sư đoàn số 11`: a unit's
                            // number ends its name
                            let after_name = end_tok.map_or(i + head_len, |e| e + 1);
                            let number_at = if w == "số" { j + 1 } else { j };
                            if j == after_name
                                && number_at < n
                                && self.same_sentence(i, number_at)
                                && is_number(self.word(number_at))
                                && self.is_unit_head(i, head_len)
                            {
                                end_tok = Some(number_at);
                            }
                            break;
                        }
                    }
                }
            }
            // `Viện Nghiên cứu chiến lược quốc phòng Hàn Quốc (KIDA)`:
            // lowercase words that lead to the name's acronym are its own
            let stopped_on_a_word = labels.get(j) == Some(&Label::None);
            if let Some((last, named)) = end_tok
                .filter(|_| stopped_on_a_word)
                .and_then(|_| self.words_to_acronym(j, labels))
            {
                end_tok = Some(last);
                country = country.or(named);
            }
            // `Theo Quốc hội, …`: a body named by its head alone
            let head_alone = end_tok.is_none() && self.is_body_by_head_alone(i, head_len);
            if head_alone {
                end_tok = Some(i + head_len - 1);
            }
            let Some(last) = end_tok else {
                i += 1;
                continue;
            };
            let acronym = self.acronym_after(last);
            // a head followed only by a known organization is that
            // organization (`Hãng tin Reuters`), unless an acronym of no
            // known organization follows: `Lực lượng Liên Hợp Quốc (UNC)`
            // is a body of its own
            let body = i + head_len..last + 1;
            let own_acronym = acronym.is_some_and(|a| labels[a] == Label::None);
            if !own_acronym
                && !head_alone
                && body
                    .clone()
                    .all(|k| k < i + head_len || matches!(labels[k], Label::Actor(_)))
            {
                i = last + 1;
                continue;
            }
            // `Liên minh Nga - Triều Tiên`, `Liên minh Mỹ và Hàn Quốc`: a head
            // before countries joined by dashes or `và` names a relation
            // between states, no body
            if !own_acronym && self.only_countries_joined(body.clone(), labels) {
                i = last + 1;
                continue;
            }
            // … and so is a movement's or company's name that ends with it
            // (`Phong trào Hồi giáo Hamas`, `Tập đoàn công nghiệp Samsung`);
            // other heads name a part of it (`Ủy ban Quân sự NATO`)
            let ends_known_org = matches!(labels[last], Label::Actor(h)
                if self.actor_kind(h) == ActorKind::Organization);
            if !own_acronym && ends_known_org && self.head_is_one_of(i, head_len, APPOSITIVE_HEADS)
            {
                i = last + 1;
                continue;
            }
            let start = self.tokens[i].start;
            let end = self.tokens[last].end;
            let acronym = acronym
                .map(|a| (self.tokens[a].start, self.tokens[a].end))
                .or_else(|| self.known_org_in_brackets(last, labels));
            if country.is_none() && !head_alone {
                country = self.trailing_country(i + head_len, last).or(place_country);
            }
            // `X của <org or country>`: the parent's country
            if country.is_none() && self.parent_word_at(last + 1) {
                if let Some(&l) = labels.get(last + 2) {
                    country = self.country_of(l, &orgs);
                }
            }
            let plain_name = labels[i..=last]
                .iter()
                .all(|l| matches!(l, Label::None | Label::Title(TitleKind::Domain, _)));
            let index = orgs.len();
            for l in labels.iter_mut().take(last + 1).skip(i) {
                *l = Label::Org(index);
            }
            orgs.push(FoundOrg {
                start,
                end,
                country,
                acronym,
                plain_name,
            });
            i = last + 1;
        }
        // `X của <organization or country>`, `X thuộc <organization>`: a
        // part of the parent, in its country (a second pass: the parent may
        // come later in the text)
        for o in 0..orgs.len() {
            if orgs[o].country.is_some() {
                continue;
            }
            let mut last = tokens_in(self.tokens, orgs[o].start, orgs[o].end).end;
            // (past its acronym in brackets: `Viện … (NIDS) ở Tokyo`)
            if last > 0 && self.acronym_after(last - 1).is_some() {
                last += 3;
            }
            if self.parent_word_at(last) {
                if let Some(&l) = labels.get(last + 1) {
                    orgs[o].country = self.country_of(l, &orgs);
                }
            }
            // `Đại học Kookmin ở Seoul`, `Viện X có trụ sở tại Berlin`: the
            // country of the place it stands in
            if orgs[o].country.is_none() {
                if let Some(Label::Place(p)) = self.seat_at(last).and_then(|k| labels.get(k)) {
                    orgs[o].country = self.places[*p].country(self.g).map(str::to_string);
                }
            }
            // `Ở Seoul, Tổng thống Yoon chủ trì cuộc họp với Hội đồng An
            // ninh Quốc gia`: a body of a plain name in a sentence that
            // opens with where it happens is that place's country's
            if orgs[o].country.is_none() && orgs[o].plain_name {
                let first = tokens_in(self.tokens, orgs[o].start, orgs[o].end).start;
                orgs[o].country = self.sentence_opening_country(first, labels);
            }
        }
        orgs
    }

    /// Whether the capitalized words of no label from token `j` on (and
    /// not before it) are a foreign person's name: two or three of them
    /// (`Igor Konashenkov`, `Lim Soo-suk`), one at least no Vietnamese
    /// syllable. A longer run (`Đại học Công nghệ Malek Ashtar Mehdi
    /// Jafari`) may end the name of the body before it, and is left to the
    /// other rules.
    fn foreign_name_at(&self, j: usize, labels: &[Label]) -> bool {
        let plain_capital = |k: usize| {
            k < self.tokens.len()
                && labels[k] == Label::None
                && self.tokens[k].is_word
                && self.tokens[k].capitalized
                && self.same_sentence(j, k)
        };
        // (the run starts at `j`: not inside a longer one)
        let starts_run = j == 0 || !plain_capital(j - 1);
        let run = (j..j + 4).take_while(|&k| plain_capital(k)).count();
        starts_run
            && (2..=3).contains(&run)
            && (j..j + run).any(|k| !is_vietnamese_syllable(self.word(k)))
    }

    /// Where the title after `và là` (and is) stands, in the words from
    /// token `from` to the next punctuation, if one does.
    fn title_after_va_la(&self, from: usize, labels: &[Label]) -> Option<usize> {
        let mut k = from;
        while k + 2 < self.tokens.len() && self.tokens[k].is_word && self.same_sentence(from, k) {
            if self.word(k) == "và" && self.word(k + 1) == "là" {
                let at = self.after_role_modifier(k + 2);
                return matches!(labels.get(at), Some(Label::Title(kind, _)) if *kind != TitleKind::Honorific)
                    .then_some(k + 2);
            }
            k += 1;
        }
        None
    }

    /// The token after `ở`/`tại` (or `có trụ sở [chính] ở`/`tại`) starting
    /// at token `k`: where an organization named just before stands.
    fn seat_at(&self, k: usize) -> Option<usize> {
        let word = |i: usize| self.tokens.get(i).map(|t| t.text(self.text));
        let mut i = k;
        if word(i) == Some("có") && word(i + 1) == Some("trụ") && word(i + 2) == Some("sở") {
            i += 3;
            if word(i) == Some("chính") {
                i += 1;
            }
        }
        matches!(word(i), Some("ở" | "tại")).then_some(i + 1)
    }

    /// True when token `k` says that what follows is a parent: `của` (of),
    /// `thuộc` (belonging to).
    fn parent_word_at(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| matches!(t.text(self.text), "của" | "thuộc"))
    }

    /// True when the tokens `body` are two or more countries, each a place
    /// mention of one, joined by dashes or `và` and nothing else (or one,
    /// joined so to another right after it).
    fn only_countries_joined(&self, body: std::ops::Range<usize>, labels: &[Label]) -> bool {
        let country = |l: Option<&Label>| matches!(l, Some(&Label::Place(p)) if self.places[p].is_country(self.g));
        let joiner = |k: usize| k < self.tokens.len() && matches!(self.word(k), "-" | "–" | "và");
        let end = body.end;
        let mut countries = 0;
        let mut previous = None;
        for k in body {
            if country(labels.get(k)) {
                // (a country of several tokens counts once)
                if previous != Some(labels[k]) {
                    countries += 1;
                }
            } else if !joiner(k) {
                return false;
            }
            previous = Some(labels[k]);
        }
        // (`và` and the second country may be left out of the name)
        countries >= 2 || countries == 1 && joiner(end) && country(labels.get(end + 1))
    }

    /// The span of a known organization's name that stands alone in
    /// brackets right after token `last`: the same body's other name
    /// (`Thượng viện (Hội đồng Liên bang)`), which it is, as with an
    /// acronym.
    fn known_org_in_brackets(&self, last: usize, labels: &[Label]) -> Option<(usize, usize)> {
        let at = |t: usize, s: &str| self.tokens.get(t).is_some_and(|t| t.text(self.text) == s);
        if !at(last + 1, "(") {
            return None;
        }
        let Label::Actor(h) = *labels.get(last + 2)? else {
            return None;
        };
        if self.actor_kind(h) != ActorKind::Organization {
            return None;
        }
        let mut close = last + 2;
        while labels.get(close) == Some(&Label::Actor(h)) {
            close += 1;
        }
        at(close, ")").then(|| (self.tokens[last + 2].start, self.tokens[close - 1].end))
    }

    /// The token of an `( ACRONYM )` right after token `last`, if one
    /// follows.
    fn acronym_after(&self, last: usize) -> Option<usize> {
        let at = |t: usize, s: &str| self.tokens.get(t).is_some_and(|t| t.text(self.text) == s);
        (at(last + 1, "(") && at(last + 3, ")") && is_all_caps(self.word(last + 2)))
            .then_some(last + 2)
    }

    /// Where the words from token `j` on, all of them describing words of
    /// the sentence (no verb, preposition or number, but the few of
    /// [`WORDS_INSIDE_NAMES`]), run within eight tokens into `( ACRONYM )`:
    /// the last token before the bracket, and the country named on the way
    /// (else the country of a city named on the way).
    fn words_to_acronym(&self, j: usize, labels: &[Label]) -> Option<(usize, Option<String>)> {
        let n = self.tokens.len();
        let mut country = None;
        // the country of a city inside the name (`… Thượng Hải (SIIS)`),
        // when no country is named
        let mut place_country = None;
        let mut k = j;
        while k < n && k < j + 8 && self.same_sentence(j, k) && self.tokens[k].is_word {
            let mut last = k;
            match labels[k] {
                Label::Place(p) => {
                    let m = &self.places[p];
                    last = tokens_in(self.tokens, m.start, m.end).end - 1;
                    if m.is_country(self.g) {
                        country = m.country(self.g).map(str::to_string);
                    } else if let Some(c) = m.country(self.g) {
                        place_country = Some(c.to_string());
                    }
                }
                Label::None | Label::Title(TitleKind::Domain, _) => {
                    let w = self.word(k);
                    let stops =
                        ORG_STOP.contains(&w) && !WORDS_INSIDE_NAMES.contains(&w) || w == "và";
                    if stops || self.verb_phrase_at(k) || is_number(w) {
                        return None;
                    }
                }
                _ => return None,
            }
            if self.acronym_after(last).is_some() {
                return Some((last, country.or(place_country)));
            }
            k = last + 1;
        }
        None
    }

    /// The country named by the last words of tokens `from..=last`, also
    /// where the place rules did not take it as a place (`Hạm đội Phương
    /// Bắc Nga`: after a capitalized word, `Nga` reads like a given name).
    fn trailing_country(&self, from: usize, last: usize) -> Option<String> {
        let tail = &self.text[self.tokens[from].start..self.tokens[last].end];
        let key = crate::normalize::match_key(tail);
        let hit = self
            .g
            .find_places(tail, &key, &KeyWords::of(&key), 0)
            .pop()?;
        match hit.target {
            Target::Place {
                index,
                short: false,
            } if hit.end == tail.len() => {
                let place = &self.g.places[index];
                place.country.clone().filter(|_| place.kind == "country")
            }
            _ => None,
        }
    }

    /// The number of tokens of an organization head word at token `i`.
    ///
    /// Speed: this is asked at every token; the test that turns down most
    /// of them (a head is capitalized) is inlined where it is asked.
    #[inline]
    fn head_at(&self, i: usize, labels: &[Label]) -> Option<usize> {
        if !self.tokens[i].capitalized || !matches!(labels[i], Label::None | Label::Title(..)) {
            return None;
        }
        self.capitalized_head_at(i, labels)
    }

    /// True when token `i` is `đảng` (party) in lowercase before a
    /// capitalized word: the head of a party's name as the news writes
    /// foreign ones (`đảng Dân chủ`, `đảng Quyền lực Nhân dân`).
    fn lowercase_party_at(&self, i: usize, labels: &[Label]) -> bool {
        self.word(i) == "đảng"
            && labels[i] == Label::None
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.is_word && t.capitalized && labels[i + 1] == Label::None)
            && self.same_sentence(i, i + 1)
    }

    /// [`Labeled::head_at`] for a capitalized token `i`.
    fn capitalized_head_at(&self, i: usize, labels: &[Label]) -> Option<usize> {
        let heads = org_heads().get(self.word(i))?;
        // `Đại sứ quán`, `Lãnh sự quán`: a head may begin with a title
        // (`Đại sứ`) when it runs past the title's last word; a field
        // (`Hải quân`) may be a head as it stands
        let title_end = match labels[i] {
            Label::Title(kind, hi) if kind != TitleKind::Domain => {
                let hit = self.title_hits[hi];
                Some(tokens_in(self.tokens, hit.start, hit.end).end)
            }
            _ => None,
        };
        for words in heads {
            if i + words.len() > self.tokens.len() {
                continue;
            }
            let ok = words.iter().enumerate().skip(1).all(|(k, w)| {
                matches!(labels[i + k], Label::None | Label::Title(..))
                    && self.tokens[i + k].is_word
                    // `Tổng Lãnh sự quán`, `Bộ Tổng Tham mưu`: the news
                    // capitalizes a head's later words either way
                    && same_ignoring_case(self.word(i + k), w)
                    && self.same_sentence(i, i + k)
            });
            if ok && title_end.is_none_or(|end| i + words.len() > end) {
                return Some(words.len());
            }
        }
        None
    }

    /// `hiệu trưởng Đại học Công nghệ Malek Ashtar Mehdi Jafari`: when a
    /// title directly precedes a found organization whose name ends in four
    /// or more capitalized words of no Vietnamese spelling and no person
    /// follows, the last two words are the person's name.
    fn split_org_tails(&self, orgs: &mut [FoundOrg], labels: &[Label]) -> Vec<(usize, usize)> {
        let mut persons = Vec::new();
        for o in orgs.iter_mut() {
            let range = tokens_in(self.tokens, o.start, o.end);
            if range.start == 0 || !labels[range.start - 1].is_office_title() {
                continue;
            }
            let next_is_name = self
                .tokens
                .get(range.end)
                .is_some_and(|t| t.is_word && is_capitalized(t.text(self.text)));
            if next_is_name || o.acronym.is_some() {
                continue;
            }
            let mut tail = 0;
            for k in range.clone().rev() {
                let w = self.word(k);
                if is_capitalized(w) && w.is_ascii() && matches!(labels[k], Label::Org(_)) {
                    tail += 1;
                } else {
                    break;
                }
            }
            if tail >= 4 {
                let name_start = range.end - 2;
                persons.push((self.tokens[name_start].start, o.end));
                o.end = self.tokens[name_start - 1].end;
            }
        }
        persons
    }

    /// Walk a title chain backwards from token `p` (the token before a name).
    /// Returns the index of the chain's first title, if the chain has one.
    fn chain_start(&self, p: usize, labels: &[Label], anchor: usize) -> Option<usize> {
        let mut k = p as isize;
        let mut first_title = None;
        let mut steps = 0;
        // past `về … của` the chain is the title before `về`, no more
        let mut title_only = false;
        while k >= 0 && steps < 30 {
            let ku = k as usize;
            if !self.same_sentence(ku, anchor)
                || title_only && !matches!(labels[ku], Label::Title(..))
            {
                break;
            }
            let t = &self.tokens[ku];
            if !t.is_word {
                // `Giám đốc Cơ quan Tình báo Quốc gia Hàn Quốc (NIS) Cho
                // Tae-yong`: an organization's acronym in brackets
                if let Some(open) = self.bracketed_acronym_at(ku, labels) {
                    k = open as isize - 1;
                    steps += 3;
                    continue;
                }
                // `Tư lệnh Bộ Tư lệnh Ấn Độ - Thái Bình Dương Samuel
                // Paparo`: punctuation inside an organization's name
                let inside_an_org =
                    self.names_an_org(labels[ku]) && ku > 0 && labels[ku - 1] == labels[ku];
                if inside_an_org {
                    k -= 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            match labels[ku] {
                Label::Title(TitleKind::Domain, _) => {}
                Label::Title(_, _) => first_title = Some(ku),
                Label::Place(_) | Label::Org(_) => {}
                Label::Actor(h) if self.actor_kind(h) == ActorKind::Organization => {}
                Label::Actor(_) => break,
                // `Người phát ngôn PCG Jay Tarriela`: an organization's
                // acronym no list knows
                Label::None => {
                    // `Thống đốc tỉnh Kharkiv X`: the generic word of the
                    // place the title is for (asked last, and only with a
                    // place a word or two after it: most words end a chain)
                    let in_admin_unit = || {
                        let place_at = |j: usize| matches!(labels.get(j), Some(Label::Place(_)));
                        (place_at(ku + 1) || place_at(ku + 2))
                            && (ku.saturating_sub(1)..=ku).any(|j| {
                                self.admin_unit_before_place(j, labels)
                                    .is_some_and(|len| j + len > ku)
                            })
                    };
                    // `Đại diện cấp cao về chính sách đối ngoại của Liên
                    // minh châu Âu X`: what the title is for, after `về`
                    if let Some(ve) = self.title_subject_at(ku, labels) {
                        k = ve as isize - 1;
                        steps += 1;
                        title_only = true;
                        continue;
                    }
                    if !self.is_connector(ku) && !is_all_caps(self.word(ku)) && !in_admin_unit() {
                        break;
                    }
                }
            }
            k -= 1;
            steps += 1;
        }
        first_title
    }

    /// When token `k`, walking back along a title chain, is the `của` (of)
    /// that ends a few lowercase words after `về` (about) right after a
    /// title (`Đại diện cấp cao về chính sách đối ngoại của …`), the index
    /// of that `về`.
    fn title_subject_at(&self, k: usize, labels: &[Label]) -> Option<usize> {
        if self.word(k) != "của" {
            return None;
        }
        (k.saturating_sub(6)..k).rev().find(|&ve| {
            ve > 0
                && self.word(ve) == "về"
                && matches!(labels[ve - 1], Label::Title(..))
                && (ve + 1..k).all(|w| {
                    matches!(labels[w], Label::None | Label::Title(TitleKind::Domain, _))
                        && self.tokens[w].is_word
                        && !is_capitalized(self.word(w))
                })
        })
    }

    /// True for the label of an organization: one the rules found, or a
    /// listed one.
    fn names_an_org(&self, label: Label) -> bool {
        match label {
            Label::Org(_) => true,
            Label::Actor(h) => self.actor_kind(h) == ActorKind::Organization,
            _ => false,
        }
    }

    /// When token `close` is the `)` of an acronym in brackets right after
    /// an organization's name (`Cơ quan Tình báo Quốc gia Hàn Quốc (NIS)`),
    /// the index of its `(`.
    fn bracketed_acronym_at(&self, close: usize, labels: &[Label]) -> Option<usize> {
        let name_end = close.checked_sub(3)?;
        (self.names_an_org(labels[name_end])
            && self.acronym_after(name_end) == Some(close - 1)
            && self.same_sentence(name_end, close))
        .then_some(close - 2)
    }

    /// True when token `k` may sit inside a title chain: one of
    /// [`CONNECTORS`], or a word of a [`TITLE_STATUS`] phrase there
    /// (`Tổng thống Mỹ đắc cử Donald Trump`; `cử` alone is a verb, `… cử
    /// Ngoại trưởng X`, that ends one).
    ///
    /// Speed: asked at every word of a title chain; the word is lowercased
    /// on the stack (a connector is a short word) and looked up in a set.
    fn is_connector(&self, k: usize) -> bool {
        let mut buf = [0; CONNECTOR_MAX];
        let Some(word) = lowercase_short(self.word(k), &mut buf) else {
            return false;
        };
        connectors().contains(word)
            || (title_status_words().contains(word) && self.in_title_status(k, word))
    }

    /// Whether token `k` is the last word of a [`TITLE_STATUS`] phrase
    /// (`thứ nhất`, `đắc cử`).
    fn ends_title_status(&self, k: usize) -> bool {
        let mut buf = [0; CONNECTOR_MAX];
        let Some(word) = lowercase_short(self.word(k), &mut buf) else {
            return false;
        };
        title_status_words().contains(word) && self.title_status_holding(k, word) == Some(k + 1)
    }

    /// Whether token `k`, whose lowercase word is `word`, belongs to a
    /// [`TITLE_STATUS`] phrase written there.
    fn in_title_status(&self, k: usize, word: &str) -> bool {
        self.title_status_holding(k, word).is_some()
    }

    /// The end (token index) of the [`TITLE_STATUS`] phrase written there
    /// that token `k`, whose lowercase word is `word`, belongs to.
    fn title_status_holding(&self, k: usize, word: &str) -> Option<usize> {
        TITLE_STATUS.iter().find_map(|phrase| {
            phrase.iter().enumerate().find_map(|(at, w)| {
                let first = k.checked_sub(at).filter(|_| *w == word)?;
                let end = first + phrase.len();
                (self.title_status_at(first) == Some(end)).then_some(end)
            })
        })
    }

    /// The end (token index) of a [`TITLE_STATUS`] phrase starting at token
    /// `k` within its sentence, if there is one.
    fn title_status_at(&self, k: usize) -> Option<usize> {
        let word_at_is = |i: usize, want: &str| {
            let mut buf = [0; CONNECTOR_MAX];
            self.tokens.get(i).is_some_and(|t| {
                t.is_word
                    && self.same_sentence(k, i)
                    && lowercase_short(t.text(self.text), &mut buf) == Some(want)
            })
        };
        let t = self.tokens.get(k).filter(|t| t.is_word)?;
        let mut buf = [0; CONNECTOR_MAX];
        let first = lowercase_short(t.text(self.text), &mut buf)?;
        TITLE_STATUS
            .iter()
            .filter(|phrase| phrase[0] == first)
            .find_map(|phrase| {
                let mut rest = phrase[1..].iter().enumerate();
                let all = rest.all(|(at, w)| word_at_is(k + 1 + at, w));
                all.then_some(k + phrase.len())
            })
    }

    /// The start of a word right before the title at token `k` that
    /// changes what the title says (`cựu Tổng thống`: a former president;
    /// `quyền Tổng thống`: an acting one), if there is one.
    fn role_modifier_before(&self, k: usize) -> Option<usize> {
        let before = k.checked_sub(1)?;
        let t = &self.tokens[before];
        (self.same_sentence(before, k) && self.is_role_modifier(before)).then_some(t.start)
    }

    /// Whether token `k` is a [`ROLE_MODIFIERS`] word standing alone, not
    /// the second syllable of a [`MODIFIER_COMPOUNDS`] word.
    fn is_role_modifier(&self, k: usize) -> bool {
        if !self.tokens[k].is_word {
            return false;
        }
        let word = self.word(k).to_lowercase();
        if !ROLE_MODIFIERS.contains(&word.as_str()) {
            return false;
        }
        let compound = k > 0 && self.tokens[k - 1].is_word && self.same_sentence(k - 1, k) && {
            let first = self.word(k - 1).to_lowercase();
            MODIFIER_COMPOUNDS.contains(&(first.as_str(), word.as_str()))
        };
        !compound
    }

    /// Token `k`, or the one after it when `k` is a word that changes the
    /// title after it (`…, cựu Hiệu trưởng …`: the title is at `k + 1`).
    fn after_role_modifier(&self, k: usize) -> usize {
        let modifier = k < self.tokens.len()
            && self.is_role_modifier(k)
            && k + 1 < self.tokens.len()
            && self.same_sentence(k, k + 1);
        if modifier {
            k + 1
        } else {
            k
        }
    }

    /// Roles and affiliation of the chain `[start, end)`.
    fn read_chain(
        &self,
        start: usize,
        end: usize,
        labels: &[Label],
        orgs: &[FoundOrg],
    ) -> (Vec<String>, Option<String>) {
        let mut roles = Vec::new();
        let mut affiliation = None;
        let mut k = start;
        let mut role_allowed = true;
        // the last role pushed, and the token after its words
        let mut last_role: Option<(usize, usize)> = None;
        while k < end {
            match labels[k] {
                Label::Title(kind, hi) if kind != TitleKind::Domain => {
                    let hit = self.title_hits[hi];
                    let (mut role_end, mut m) = self.title_with_domains(hit, end, labels);
                    // `Trợ lý Tổng thống`, `Đại diện đặc biệt của Tổng thống`:
                    // an office whose holder serves another office holds
                    // both words (the other's title names no one here)
                    if kind == TitleKind::Role && m < end {
                        let of = usize::from(self.word(m) == "của");
                        if let Some(&Label::Title(TitleKind::Role, other)) = labels.get(m + of) {
                            if m + of < end {
                                (role_end, m) =
                                    self.title_with_domains(self.title_hits[other], end, labels);
                            }
                        }
                    }
                    // `Tổng thống đắc cử`: which holder of the title
                    let status = (m < end).then(|| self.title_status_at(m)).flatten();
                    if let Some(after) = status.filter(|&a| a <= end) {
                        role_end = self.tokens[after - 1].end;
                        m = after;
                    }
                    // an organization directly after the title belongs to the role
                    if m < end {
                        if let Label::Org(o) = labels[m] {
                            // its name, or a later mention of its acronym
                            // ([`Labeled::label_acronym_mentions`])
                            let named_here = orgs[o].start == self.tokens[m].start;
                            role_end = if named_here {
                                orgs[o].end
                            } else {
                                self.tokens[m].end
                            };
                            if affiliation.is_none() {
                                affiliation = orgs[o].country.clone();
                            }
                            m = if named_here {
                                tokens_in(self.tokens, orgs[o].start, orgs[o].end).end
                            } else {
                                m + 1
                            };
                        } else if let Label::Actor(h) = labels[m] {
                            if self.actor_kind(h) == ActorKind::Organization {
                                role_end = self.actor_hits[h].end;
                                if affiliation.is_none() {
                                    affiliation = self.country_of(labels[m], orgs);
                                }
                                m = tokens_in(
                                    self.tokens,
                                    self.actor_hits[h].start,
                                    self.actor_hits[h].end,
                                )
                                .end;
                            }
                        } else if labels[m] == Label::None
                            && self.tokens[m].is_word
                            && is_all_caps(self.word(m))
                        {
                            // an acronym no list knows (`Chủ tịch FIFA`)
                            role_end = self.tokens[m].end;
                            m += 1;
                        }
                    }
                    if kind != TitleKind::Honorific && role_allowed {
                        let role_start = self.role_modifier_before(k).unwrap_or(hit.start);
                        let role = self.text[role_start..role_end].to_string();
                        if !roles.contains(&role) {
                            roles.push(role);
                            last_role = Some((roles.len() - 1, m));
                        }
                    }
                    // `bà Tổng thống …`, `con gái Tổng thống …`: the title
                    // after an honorific is still the named person's, and
                    // so is an office after a rank (`Đại tướng Tổng tham
                    // mưu trưởng`)
                    if kind == TitleKind::Role {
                        role_allowed = false;
                    }
                    k = m.max(k + 1);
                    continue;
                }
                // (`chuyên gia về Triều Tiên`: a country after `về` is what
                // the role is about, not whom it serves)
                Label::Place(_) | Label::Org(_) | Label::Actor(_) if affiliation.is_none() => {
                    let first = (start..k)
                        .rev()
                        .take_while(|&j| labels[j] == labels[k])
                        .last();
                    let first = first.unwrap_or(k);
                    if !(first > 0 && self.word(first - 1) == "về") {
                        affiliation = self.country_of(labels[k], orgs);
                    }
                }
                Label::None => {
                    // `Tổng thống Mỹ đắc cử`: status words after the
                    // title's country are the title's too
                    let status = last_role
                        .filter(|&(_, after)| {
                            after < k
                                && labels[after..k]
                                    .iter()
                                    .all(|l| matches!(l, Label::Place(_)))
                        })
                        .and_then(|(r, _)| Some((r, self.title_status_at(k)?)))
                        .filter(|&(_, status_end)| status_end <= end);
                    if let Some((r, status_end)) = status {
                        let words =
                            &self.text[self.tokens[k].start..self.tokens[status_end - 1].end];
                        roles[r] = format!("{} {words}", roles[r]);
                        last_role = None;
                        k = status_end;
                        continue;
                    }
                    if matches!(self.word(k), "kiêm" | "và") {
                        role_allowed = true;
                    } else if self.word(k) == "của" {
                        role_allowed = false;
                        // `X của Tổng thống Nga`: what follows is someone else's
                        if affiliation.is_some() {
                            break;
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        (roles, affiliation)
    }

    /// A capitalized run starting at `i`: its end (exclusive).
    fn name_run(&self, i: usize, labels: &[Label]) -> usize {
        let mut j = i;
        // five names at most, besides particles (`Mohammed bin
        // Abdulrahman Al Thani`)
        let mut particles = 0;
        while j < self.tokens.len()
            && j < i + 5 + particles
            && self.same_sentence(i, j)
            && self.tokens[j].is_word
            && labels[j] == Label::None
        {
            let w = self.word(j);
            let particle = matches!(
                w,
                "bin" | "al" | "von" | "der" | "van" | "de" | "da" | "ibn" | "el"
            ) && j > i
                && self
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| is_capitalized(t.text(self.text)));
            if let Some(after) = self
                .initial_at(j)
                .filter(|&k| labels[k] == Label::None && self.same_sentence(i, k))
            {
                j = after;
            } else if (is_capitalized(w) && !is_all_caps(w)) || particle {
                if particle || matches!(w, "Al" | "El") {
                    particles += 1;
                }
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// True when token `k` begins a listed person's mention.
    fn listed_person_at(&self, k: usize, labels: &[Label]) -> bool {
        match labels.get(k) {
            Some(&Label::Actor(h)) => {
                self.actor_kind(h) == ActorKind::Person
                    && self.actor_hits[h].start == self.tokens[k].start
            }
            _ => false,
        }
    }

    /// True when the given name at token `a` (right before the listed
    /// person `index`, matched at `start..end`) is no spelling of a word
    /// of the listed name outside the match ([`same_given_name`]): `Ivanka`
    /// before `Trump` (Donald), `Jill` before `Biden` (Joe), where `Yury`
    /// before `Ushakov` (Yuri) and `V.` before `Putin` (Vladimir) are the
    /// listed one's.
    fn other_given_names(&self, a: usize, start: usize, end: usize, index: usize) -> bool {
        let e = &self.g.actors[index];
        let matched = phrase_key(&self.text[start..end]);
        let listed: Vec<String> = [Some(e.name.as_str()), e.name_en.as_deref()]
            .into_iter()
            .flatten()
            .flat_map(|n| {
                phrase_key(n)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|w| !w.is_empty() && !matched.split(' ').any(|m| m == w))
            .collect();
        let given = phrase_key(self.word(a));
        !listed.is_empty() && !listed.iter().any(|w| same_given_name(&given, w))
    }

    /// The first of up to two unlabeled capitalized words right before
    /// token `k` in its sentence, one space apart (given names before a
    /// listed surname); `k` when there are none.
    fn given_names_before(&self, k: usize, labels: &[Label]) -> usize {
        if k >= self.tokens.len() {
            return k;
        }
        let mut a = k;
        while a > 0 && k - a < 2 {
            let p = a - 1;
            let t = &self.tokens[p];
            let w = self.word(p);
            let next_start = self.tokens[a].start;
            if labels[p] != Label::None
                || !t.is_word
                || !self.same_sentence(p, k)
                || !is_capitalized(w)
                || is_all_caps(w)
                || next_start != t.end + 1
            {
                break;
            }
            a = p;
        }
        a
    }

    /// `A. Kulik`, `V. Putin`: an initial (one capital letter) at token
    /// `j` with its dot, right before a capitalized word of the same
    /// sentence. Returns the index of that word.
    fn initial_at(&self, j: usize) -> Option<usize> {
        let w = self.word(j);
        let mut chars = w.chars();
        let one_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        let dot = self.tokens.get(j + 1)?;
        let next = self.tokens.get(j + 2)?;
        (one_capital
            && dot.text(self.text) == "."
            && dot.start == self.tokens[j].end
            && next.is_word
            && self.same_sentence(j, j + 2)
            && is_capitalized(next.text(self.text))
            && !is_all_caps(next.text(self.text)))
        .then_some(j + 2)
    }

    fn find_persons(
        &self,
        labels: &[Label],
        orgs: &[FoundOrg],
        split: &[(usize, usize)],
        raw: &mut Vec<RawMention>,
    ) {
        let n = self.tokens.len();
        let mut i = 0;
        let mut last_person_end: Option<(usize, usize)> = None; // (token end, raw index)
        while i < n {
            // gazetteer persons
            if let Label::Actor(h) = labels[i] {
                let hit = self.actor_hits[h];
                let r = tokens_in(self.tokens, hit.start, hit.end);
                if self.actor_kind(h) == ActorKind::Person {
                    let Target::Actor(index) = hit.target else {
                        unreachable!()
                    };
                    let a = self.given_names_before(r.start, labels);
                    // `Ivanka Trump` for the listed `Donald Trump`: given
                    // names no spelling of the listed one's are another
                    // person of that family
                    if a < r.start && self.other_given_names(a, hit.start, hit.end, index) {
                        let (mut roles, aff) = self.context_roles(a, r.end, labels, orgs);
                        // `Con gái Tổng thống Mỹ Ivanka Trump`: after a
                        // kinship word the title is the listed relative's
                        if a > 0
                            && self
                                .chain_start(a - 1, labels, a)
                                .is_some_and(|st| self.is_kinship_at(st, labels))
                        {
                            roles.clear();
                        }
                        raw.push(self.pattern_person(self.tokens[a].start, hit.end, roles, aff));
                        last_person_end = Some((r.end, raw.len() - 1));
                        i = r.end.max(i + 1);
                        continue;
                    }
                    let (roles, aff) = self.context_roles(a, r.end, labels, orgs);
                    raw.push(RawMention {
                        start: hit.start,
                        end: hit.end,
                        identity: Identity::Known(index),
                        kind: ActorKind::Person,
                        roles,
                        // a listed person acts for the listed country, whatever
                        // stands after the name (`Chủ tịch Kim Jong-un tại Điện
                        // Kremlin` is North Korea's)
                        affiliation: self.g.actors[index].affiliation.clone().or(aff),
                        words: name_words(&self.text[hit.start..hit.end]),
                    });
                    last_person_end = Some((r.end, raw.len() - 1));
                }
                i = r.end.max(i + 1);
                continue;
            }
            // split names from organization tails
            if let Some(&(s, e)) = split.iter().find(|(s, _)| *s == self.tokens[i].start) {
                let r = tokens_in(self.tokens, s, e);
                let (roles, aff) = self.context_roles(r.start, r.end, labels, orgs);
                raw.push(self.pattern_person(s, e, roles, aff));
                last_person_end = Some((r.end, raw.len() - 1));
                i = r.end;
                continue;
            }
            if labels[i] != Label::None || !self.tokens[i].capitalized || is_all_caps(self.word(i))
            {
                i += 1;
                continue;
            }
            let j = self.name_run(i, labels);
            // `Anh Trần Minh Đức, 35 tuổi`: the honorific `anh` (Mr),
            // capitalized at a sentence's start, before a full name
            if self.word(i) == "Anh" && self.vietnamese_full_name(i + 1, j) {
                i += 1;
            }
            // `Yury Ushakov` for the listed `Yuri Ushakov`: given names in
            // another spelling, right before a listed person, are that
            // person's (whose roles are read from before them)
            if self.listed_person_at(j, labels) && self.given_names_before(j, labels) <= i {
                i = j;
                continue;
            }
            // `Tổng tham mưu trưởng Các lực lượng vũ trang Nga`: a plural or
            // quantity word, capitalized inside a name, starts no person's
            if NOT_NAME_STARTS.contains(&self.word(i)) {
                i = j;
                continue;
            }
            // `Tổng tham mưu trưởng Liên quân Hàn Quốc Kim Myung-soo`: one
            // capitalized chain word with its lowercase other half (`Liên
            // quân`, joint forces) is part of the title, no name
            if j == i + 1
                && j < n
                && self.same_sentence(i, j)
                && self.tokens[j].is_word
                && !is_capitalized(self.word(j))
                && self.is_connector(i)
                && self.is_connector(j)
            {
                i = j;
                continue;
            }
            // a lone letter is an initial or a label (`phương án A`), no name
            if j == i + 1 && self.word(i).chars().count() == 1 {
                i = j;
                continue;
            }
            // `Phó tư lệnh Lực lượng Liên Hợp Quốc`: a capitalized word
            // that begins a longer organization head (`Lực lượng`, `Hội
            // đồng`) is the start of an organization's name, not a person's
            if self.head_at(i, labels).is_some_and(|len| i + len > j) {
                i = j;
                continue;
            }
            // `(Dong Jun)` right after a person: an alias
            if let Some((pend, ri)) = last_person_end {
                if i >= 1
                    && pend + 1 == i
                    && self.word(i - 1) == "("
                    && self.tokens.get(j).is_some_and(|t| t.text(self.text) == ")")
                {
                    let identity = raw[ri].identity.clone();
                    let (s, e) = (self.tokens[i].start, self.tokens[j - 1].end);
                    let mut m = self.pattern_person(s, e, Vec::new(), raw[ri].affiliation.clone());
                    m.identity = identity;
                    raw.push(m);
                    i = j;
                    continue;
                }
            }
            // `Lee Sung Joon, phát ngôn viên của …`: two or more capitalized
            // words followed by an apposition that starts with a role
            let appositive = j - i >= 2
                && j + 1 < n
                && matches!(self.word(j), "," | "–" | "—")
                && self.same_sentence(i, j + 1)
                && labels
                    .get(self.after_role_modifier(j + 1))
                    .is_some_and(|l| l.is_office_title());
            let has_chain = i > 0 && {
                let p = i - 1;
                self.same_sentence(p, i)
                    && match labels[p] {
                        Label::Title(TitleKind::Honorific, _) => true,
                        Label::Title(..) | Label::Place(_) | Label::Org(_) => {
                            self.chain_start(p, labels, i).is_some()
                        }
                        Label::Actor(h) => {
                            self.actor_kind(h) == ActorKind::Organization
                                && self.chain_start(p, labels, i).is_some()
                        }
                        // `Chủ tịch FIFA Gianni Infantino`: an acronym no
                        // list knows, in a title chain
                        // (or one in brackets after its organization's name)
                        // … or the status words of a title after its
                        // country (`Thứ trưởng Ngoại giao Hàn Quốc thứ nhất
                        // Park Yoon-joo`)
                        Label::None => {
                            (is_all_caps(self.word(p))
                                || self.bracketed_acronym_at(p, labels).is_some()
                                || self.ends_title_status(p))
                                && self.chain_start(p, labels, i).is_some()
                        }
                    }
            };
            if !has_chain && !appositive && !self.vietnamese_full_name(i, j) {
                i = j;
                continue;
            }
            // `tàu khu trục Đô đốc Tributs`: a ship named after a person
            if has_chain
                && self
                    .chain_start(i - 1, labels, i)
                    .is_some_and(|start| self.after_ship_noun(start))
            {
                i = j;
                continue;
            }
            let (roles, aff) = self.context_roles(i, j, labels, orgs);
            let (s, e) = (self.tokens[i].start, self.tokens[j - 1].end);
            raw.push(self.pattern_person(s, e, roles, aff));
            last_person_end = Some((j, raw.len() - 1));
            i = j;
        }
    }

    /// Whether a ship noun ([`super::places::SHIP_NOUNS`]: `tàu khu trục`,
    /// `tàu ngầm`) stands right before token `k`.
    fn after_ship_noun(&self, k: usize) -> bool {
        super::places::after_ship_noun(self.key, self.tokens[k].start)
    }

    /// Whether the capitalized words `[i, j)` are a Vietnamese person's
    /// full name without a title: three or four syllables, the first a
    /// family name (`Trần Minh Đức, 35 tuổi, cho biết`, `chị Nguyễn Thị
    /// Lan`). A street, school or other place named after a person
    /// (`đường Trần Hưng Đạo`, `trường Lê Quý Đôn`) is none; names of two
    /// syllables (`Thanh Hà`) are too often bylines or places to be read
    /// without a title.
    fn vietnamese_full_name(&self, i: usize, j: usize) -> bool {
        (3..=4).contains(&(j - i))
            && is_surname(self.word(i))
            && (i..j).all(|k| is_vietnamese_syllable(self.word(k)))
            && !(i > 0
                && self.same_sentence(i - 1, i)
                && NAMED_AFTER_A_PERSON.contains(&self.word(i - 1).to_lowercase().as_str()))
    }

    fn pattern_person(
        &self,
        s: usize,
        e: usize,
        roles: Vec<String>,
        affiliation: Option<String>,
    ) -> RawMention {
        let name = &self.text[s..e];
        RawMention {
            start: s,
            end: e,
            identity: Identity::Person(phrase_key(name)),
            kind: ActorKind::Person,
            roles,
            affiliation,
            words: name_words(name),
        }
    }

    /// Whether the title at token `k` is a kinship word ([`KINSHIP`]).
    fn is_kinship_at(&self, k: usize, labels: &[Label]) -> bool {
        match labels.get(k) {
            Some(&Label::Title(TitleKind::Honorific, hi)) => {
                let hit = self.title_hits[hi];
                let word = self.text[hit.start..hit.end].to_lowercase();
                KINSHIP.contains(&word.as_str())
            }
            _ => false,
        }
    }

    /// Roles and affiliation from the chain before the name `[a, b)`, an
    /// apposition before it (`…, Thiếu tướng X`), one after it (`X, phát
    /// ngôn viên của …`) and a delegation (`phái đoàn Nga do … X`).
    fn context_roles(
        &self,
        a: usize,
        b: usize,
        labels: &[Label],
        orgs: &[FoundOrg],
    ) -> (Vec<String>, Option<String>) {
        let mut roles = Vec::new();
        let mut aff = None;
        // `Thứ trưởng Ngoại giao Nga A. Rudenko`: the chain ends before the
        // initial of a listed name
        let a = match a.checked_sub(2) {
            Some(k) if labels[k] == Label::None && self.initial_at(k) == Some(a) => k,
            _ => a,
        };
        let mut chain_first = a;
        if a > 0 {
            if let Some(start) = self.chain_start(a - 1, labels, a) {
                let (r, f) = self.read_chain(start, a, labels, orgs);
                roles.extend(r);
                aff = f;
                chain_first = start;
            }
        }
        // apposition before: `TITLE …, [TITLE] NAME`
        if chain_first > 1 && self.word(chain_first - 1) == "," {
            let comma = chain_first - 1;
            if let Some(start) = self.chain_start(comma - 1, labels, comma) {
                let (mut r, f) = self.read_chain(start, comma, labels, orgs);
                // `Em gái nhà lãnh đạo Triều Tiên, bà Kim Yo Jong`: the
                // titles after a kinship word are the relative's
                if self.is_kinship_at(start, labels) {
                    r.clear();
                }
                add_new(&mut roles, r);
                aff = aff.or(f);
            }
        }
        // apposition after: `NAME, [cựu] TITLE … ,`, and the ones after it
        // (`Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng,
        // phát biểu`)
        let mut sep = b;
        for _ in 0..3 {
            if sep + 1 >= self.tokens.len()
                || !matches!(self.word(sep), "," | "–" | "-" | "—")
                || !self.same_sentence(a, sep + 1)
            {
                break;
            }
            // (`X, một chuyên gia quân sự Nga, …`: a role said with the
            // indefinite article)
            let article = usize::from(
                sep + 2 < self.tokens.len()
                    && self.word(sep + 1) == "một"
                    && self.same_sentence(sep + 1, sep + 2),
            );
            let title_at = self.after_role_modifier(sep + 1 + article);
            let mut end = sep + 1;
            while end < self.tokens.len() && self.same_sentence(a, end) && self.tokens[end].is_word
            {
                end += 1;
            }
            let role_title = matches!(labels.get(title_at),
                Some(&Label::Title(kind, _)) if kind != TitleKind::Honorific);
            if !role_title {
                // `Bà Kim Yo-jong, em gái nhà lãnh đạo Kim Jong-un và là Phó
                // Vụ trưởng …,`: an apposition of another kind whose `và
                // là` (and is) goes on with a title
                if let Some(after) = self.title_after_va_la(sep + 1, labels) {
                    let (r, f) = self.read_chain(after, end, labels, orgs);
                    add_new(&mut roles, r);
                    aff = aff.or(f);
                }
                break;
            }
            // a later one names no one (`…, Tổng thống Trump nói, …` is a
            // clause of its own); nor does the first, beyond doubt: a known
            // person or a full name after its titles makes it the next of
            // a list (`Thủ tướng Lý Cường, Phó Chủ tịch Dmitry Medvedev
            // và …`)
            let person_at = |k: usize| match labels[k] {
                Label::Actor(h) => self.actor_kind(h) == ActorKind::Person,
                _ => false,
            };
            let name_word_at = |k: usize| {
                labels[k] == Label::None
                    && is_capitalized(self.word(k))
                    && !is_all_caps(self.word(k))
            };
            // (an initial and a name, `A. Bê-lâu-xốp`, as the national
            // press writes foreign names)
            let initial_and_name_at = |k: usize| {
                self.word(k).chars().count() == 1
                    && name_word_at(k)
                    && self
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| t.text(self.text) == ".")
                    && self
                        .tokens
                        .get(k + 2)
                        .is_some_and(|t| t.is_word && t.capitalized && self.same_sentence(k, k + 2))
            };
            let names_someone = (sep + 1..end).any(|k| person_at(k) || name_word_at(k));
            let names_someone_surely = (sep + 1..end).any(|k| {
                person_at(k)
                    || (k + 1 < end && name_word_at(k) && name_word_at(k + 1))
                    || initial_and_name_at(k)
            });
            if (sep != b && names_someone) || names_someone_surely {
                break;
            }
            let (r, f) = self.read_chain(sep + 1, end, labels, orgs);
            add_new(&mut roles, r);
            aff = aff.or(f);
            // (only a comma goes on to another apposition)
            if end >= self.tokens.len() || self.word(end) != "," {
                break;
            }
            sep = end;
        }
        // a member: `NAME thuộc Đại học Ewha`, `NAME của Viện X`, `NAME từ
        // Học viện Ngoại giao`, `NAME tại Viện Sejong` (an organization only:
        // a place after `từ`/`tại` says where the person is, not for whom)
        let member_word = self.parent_word_at(b)
            || self
                .tokens
                .get(b)
                .is_some_and(|t| matches!(t.text(self.text), "từ" | "tại" | "ở"));
        if aff.is_none() && member_word && self.same_sentence(a, b + 1) {
            if let Some(&l @ (Label::Actor(_) | Label::Org(_))) = labels.get(b + 1) {
                aff = self.country_of(l, orgs);
            }
        }
        // a local office, after a clause that opens the sentence with the
        // place: `Tại tỉnh Belgorod, Thống đốc Vyacheslav Gladkov cho biết`
        // (a governor or a mayor governs that place)
        if aff.is_none() && roles.iter().any(|r| is_local_office(r)) {
            aff = self.opening_place_country(chain_first, labels);
        }
        // delegation: `phái đoàn Triều Tiên do …` / `phía Nga do …`
        if aff.is_none() {
            let mut k = chain_first;
            while k > 0 && self.same_sentence(k - 1, a) && chain_first - k < 4 {
                k -= 1;
                if self.word(k) == "do" && k > 0 {
                    if let Label::Place(pi) = labels[k - 1] {
                        let m = &self.places[pi];
                        let before = tokens_in(self.tokens, m.start, m.end).start;
                        if before > 0
                            && matches!(
                                self.word(before - 1).to_lowercase().as_str(),
                                "đoàn" | "phía" | "bên"
                            )
                        {
                            aff = m.country(self.g).map(str::to_string);
                        }
                    }
                    break;
                }
            }
        }
        (roles, aff)
    }

    /// The place of a `Tại <place>,` or `Ở <place>,` clause (at most two
    /// lowercase words, `thủ đô`, `tỉnh`, before the place) that opens the
    /// sentence at token `first`: the place, and the token of its comma.
    fn opening_place(&self, first: usize, labels: &[Label]) -> Option<(usize, usize)> {
        if !matches!(self.word(first), "Tại" | "Ở") {
            return None;
        }
        let plain_lowercase = |k: usize| {
            labels[k] == Label::None && self.tokens[k].is_word && !self.tokens[k].capitalized
        };
        let mut k = first + 1;
        while k < first + 3 && k < self.tokens.len() && plain_lowercase(k) {
            k += 1;
        }
        let Some(&Label::Place(pi)) = labels.get(k) else {
            return None;
        };
        let place = &self.places[pi];
        let comma = tokens_in(self.tokens, place.start, place.end).end;
        let opens_clause = self.tokens.get(comma)?.sentence == self.tokens[first].sentence
            && self.word(comma) == ",";
        opens_clause.then_some((pi, comma))
    }

    /// The first token of the sentence of token `k`.
    fn sentence_first(&self, k: usize) -> usize {
        let sentence = self.tokens[k].sentence;
        self.tokens[..k].partition_point(|t| t.sentence < sentence)
    }

    /// The country of the [`Labeled::opening_place`] of the sentence of
    /// token `k`.
    fn sentence_opening_country(&self, k: usize, labels: &[Label]) -> Option<String> {
        let (pi, _) = self.opening_place(self.sentence_first(k), labels)?;
        self.places[pi].country(self.g).map(str::to_string)
    }

    /// The country of the [`Labeled::opening_place`] of the sentence when
    /// its clause ends right before the title chain that starts at token
    /// `chain_first` (or its modifier).
    fn opening_place_country(&self, chain_first: usize, labels: &[Label]) -> Option<String> {
        // (`quyền`, `cựu` before the title)
        let after_comma = match chain_first.checked_sub(1) {
            Some(k) if self.is_role_modifier(k) => k,
            _ => chain_first,
        };
        let (pi, comma) = self.opening_place(self.sentence_first(chain_first), labels)?;
        (comma + 1 == after_comma)
            .then(|| self.places[pi].country(self.g).map(str::to_string))
            .flatten()
    }
}

/// Offices that govern a province, region or city (lowercase), whose
/// holder acts for the country the place lies in.
const LOCAL_OFFICES: &[&str] = &["thống đốc", "thị trưởng", "tỉnh trưởng"];

/// True for a role that is a [`LOCAL_OFFICES`] office (`Thống đốc`,
/// `Quyền Thống đốc`, `Phó Thị trưởng`).
fn is_local_office(role: &str) -> bool {
    LOCAL_OFFICES.iter().any(|office| {
        let Some(at) = role.len().checked_sub(office.len()) else {
            return false;
        };
        // (a lowercase office and its capitalized form have one length)
        role.is_char_boundary(at)
            && (at == 0 || role[..at].ends_with(' '))
            && role[at..]
                .chars()
                .flat_map(char::to_lowercase)
                .eq(office.chars())
    })
}

/// Whether two given names (lowercase keys) can be spellings of one name:
/// equal, or with one initial and, unless one of them is an initial
/// alone, one first consonant after it. Transliterations vary in their
/// vowels (`Yury`/`Yuri`, `Vladimir`/`Volodymyr`, `Sergei`/`Sergey`), not
/// in the consonant after the initial, which tells `Jill` from `Joe` and
/// `Hunter` from `Joe`. (A listed person's other full spellings, such as
/// `Joseph Biden`, are aliases the gazetteer matches whole.)
fn same_given_name(given: &str, listed: &str) -> bool {
    if given == listed {
        return true;
    }
    let (given, listed) = (fold_str(given), fold_str(listed));
    let consonant_after_initial = |w: &str| {
        w.chars()
            .skip(1)
            .find(|c| c.is_alphabetic() && !"aeiouy".contains(*c))
    };
    let one_letter = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() == 1;
    given.chars().next() == listed.chars().next()
        && (one_letter(&given)
            || one_letter(&listed)
            || consonant_after_initial(&given) == consonant_after_initial(&listed))
}

/// Append the roles of `new` that `roles` does not hold yet, in order.
fn add_new(roles: &mut Vec<String>, new: Vec<String>) {
    for role in new {
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
}

fn name_words(name: &str) -> Vec<String> {
    phrase_key(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The gender the honorific or kinship noun right before a person mention
/// gives: `bà`, `con gái` (true, a woman) or `ông`, `em trai` (false, a
/// man), from the gender column of `data/titles.tsv`; none for other words.
/// A two-word noun is tried before the last word alone. `con gái Kim Ju Ae`
/// is read as an apposition (the daughter, Kim Ju Ae), as this news most
/// often writes it; a possessive before a bare full name (`con gái Vladimir
/// Putin`) would be read the same way, but the press mostly puts `ông` or a
/// title there.
fn honorific_gender(g: &Gazetteer, text: &str, start: usize) -> Option<bool> {
    // where the word that ends `s` begins (`s.len()` if none does)
    let last_word_start = |s: &str| {
        s.char_indices()
            .rev()
            .take_while(|&(_, c)| crate::normalize::is_word_char(c))
            .last()
            .map_or(s.len(), |(i, _)| i)
    };
    let before = text[..start].trim_end();
    let last_start = last_word_start(before);
    let last = &before[last_start..];
    // the word before it too, when one space separates them
    let two_words = before[..last_start]
        .strip_suffix(' ')
        .map(|head| &before[last_word_start(head)..])
        .filter(|w| w.len() > last.len() + 1);
    two_words
        .and_then(|w| g.honorific_gender(w))
        .or_else(|| g.honorific_gender(last))
}

/// The gender the honorifics of a person's mentions agree on, if any.
fn group_gender(g: &Gazetteer, text: &str, raw: &[RawMention], mentions: &[usize]) -> Option<bool> {
    let mut genders = mentions
        .iter()
        .filter_map(|&j| honorific_gender(g, text, raw[j].start));
    let first = genders.next()?;
    genders.all(|g| g == first).then_some(first)
}

/// Of several groups of mentions (each sorted by position), the mention
/// nearest before `start`, else the first after it. Binary searches, so
/// documents with thousands of mentions stay fast.
fn nearest_mention(raw: &[RawMention], groups: &[&Vec<usize>], start: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (rank, mention)
    for mentions in groups {
        let k = mentions.partition_point(|&j| raw[j].start < start);
        let candidate = match k {
            0 => mentions
                .first()
                .map(|&j| (usize::MAX / 2 + (raw[j].start - start), j)),
            _ => Some((start - raw[mentions[k - 1]].start, mentions[k - 1])),
        };
        if let Some((rank, j)) = candidate {
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, j));
            }
        }
    }
    best.map(|(_, j)| j)
}

/// An organization named without its country (`Theo Bộ Ngoại giao, …`) is
/// the nearest preceding (else following) one named with it in the same
/// document (`Bộ Ngoại giao Nga`): its mentions join that organization.
/// A country of its own that differs keeps it apart.
/// `Ngoại trưởng Triều Tiên Choe Son Hui cùng người đồng cấp Nga Sergei
/// Lavrov`: a counterpart (`người đồng cấp`) holds the office of the person
/// named before it in the sentence, which the role then says: `người đồng
/// cấp (Ngoại trưởng)`. The office is the longest role that person has in
/// that mention, else in any of its mentions (`ông Shoigu đã gặp người
/// đồng cấp …`); a rank (`Đại tướng`) is shorter than an office with its
/// field. With no one before it, the role stays as written.
fn name_counterparts(sentences: &[std::ops::Range<usize>], raw: &mut [RawMention]) {
    // (asked of every role of every person mention: no lowercasing)
    let is_counterpart = |r: &str| r.ends_with("đồng cấp");
    let longest = |roles: &mut dyn Iterator<Item = &String>| -> Option<String> {
        roles
            .filter(|r| !is_counterpart(r))
            .fold(None::<&String>, |best, r| match best {
                Some(b) if b.chars().count() >= r.chars().count() => Some(b),
                _ => Some(r),
            })
            .cloned()
    };
    for i in 0..raw.len() {
        let m = &raw[i];
        if m.kind != ActorKind::Person {
            continue;
        }
        let Some(at) = m.roles.iter().position(|r| is_counterpart(r)) else {
            continue;
        };
        let k = sentences.partition_point(|r| r.end <= m.start);
        let Some(sentence) = sentences.get(k).filter(|r| r.start <= m.start) else {
            continue;
        };
        let before = raw
            .iter()
            .filter(|p| {
                p.kind == ActorKind::Person
                    && p.identity != m.identity
                    && p.start >= sentence.start
                    && p.end <= m.start
            })
            .max_by_key(|p| p.start);
        let office = before.and_then(|p| {
            longest(&mut p.roles.iter()).or_else(|| {
                longest(
                    &mut raw
                        .iter()
                        .filter(|q| q.identity == p.identity)
                        .flat_map(|q| q.roles.iter()),
                )
            })
        });
        if let Some(office) = office {
            let role = format!("{} ({office})", raw[i].roles[at]);
            raw[i].roles[at] = role;
        }
    }
}

fn merge_unqualified_orgs(text: &str, g: &Gazetteer, raw: &mut [RawMention]) {
    // every organization mention by the key of its text; the unqualified
    // ones are those not in the gazetteer
    let mut by_key: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, m) in raw.iter().enumerate() {
        if m.kind == ActorKind::Organization {
            by_key
                .entry(phrase_key(&text[m.start..m.end]))
                .or_default()
                .push(i);
        }
    }
    // a fixed order (longest first), so ties and chains do not depend on
    // the map's order
    let mut keys: Vec<(&String, &Vec<usize>)> = by_key.iter().collect();
    keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    let mut reassign: Vec<(usize, usize)> = Vec::new();
    for &(short, shorts) in &keys {
        let shorts: Vec<usize> = shorts
            .iter()
            .copied()
            .filter(|&i| matches!(raw[i].identity, Identity::Org(_)))
            .collect();
        if shorts.is_empty() {
            continue;
        }
        let n = short.split(' ').count();
        let qualified: Vec<&Vec<usize>> = keys
            .iter()
            .filter(|(long, longs)| {
                long.len() > short.len() + 1
                    && long.starts_with(short.as_str())
                    && long.as_bytes()[short.len()] == b' '
                    && {
                        // the words after the short name form a country's name
                        let m = &raw[longs[0]];
                        let name = &text[m.start..m.end];
                        crate::normalize::words_with_offsets(name)
                            .nth(n)
                            .is_some_and(|(at, _)| g.country_named(&name[at..]).is_some())
                    }
            })
            .map(|&(_, longs)| longs)
            .collect();
        if qualified.is_empty() {
            continue;
        }
        for i in shorts {
            if let Some(j) = nearest_mention(raw, &qualified, raw[i].start) {
                let own = raw[i].affiliation.as_deref();
                let theirs = raw[j].affiliation.as_deref();
                if own.is_none() || theirs.is_none() || own == theirs {
                    reassign.push((i, j));
                }
            }
        }
    }
    for (i, j) in reassign {
        raw[i].identity = raw[j].identity.clone();
        raw[i].affiliation = raw[j].affiliation.clone();
    }
}

/// Merge raw mentions into actors.
fn merge(doc: &Prepared, g: &Gazetteer, mut raw: Vec<RawMention>) -> ActorsResult {
    merge_unqualified_orgs(doc.text(), g, &mut raw);
    for (i, j) in short_form_targets(g, doc.text(), &raw) {
        raw[i].identity = raw[j].identity.clone();
    }
    name_counterparts(&doc.sentences, &mut raw);

    // Group the mentions by identity, groups in the order of their first
    // mention and mentions in text order. Speed: the groups are runs of one
    // sorted index list, not a vector per group.
    let mut index: FastMap<&Identity, usize> =
        FastMap::with_capacity_and_hasher(raw.len(), Default::default());
    let group_of: Vec<usize> = raw
        .iter()
        .map(|m| {
            let next = index.len();
            *index.entry(&m.identity).or_insert(next)
        })
        .collect();
    let mut by_group: Vec<usize> = (0..raw.len()).collect();
    by_group.sort_by_key(|&i| group_of[i]); // stable: text order within a group
    let groups: Vec<&[usize]> = by_group
        .chunk_by(|&a, &b| group_of[a] == group_of[b])
        .collect();

    let mut result = ActorsResult {
        actors: Vec::with_capacity(groups.len()),
        person_spans: Vec::with_capacity(raw.len()),
        org_spans: Vec::new(),
        org_countries: Vec::new(),
    };
    for &ms in &groups {
        let first = &raw[ms[0]];
        let kind = first.kind;
        let mut mentions: Vec<Mention> = Vec::with_capacity(ms.len());
        let mut roles: Vec<String> = Vec::new();
        let mut affiliation = None;
        for m in ms.iter().map(|&i| &raw[i]) {
            let (text, span) = doc.original_text(m.start, m.end);
            mentions.push(Mention { text, span });
            for r in &m.roles {
                if !roles.iter().any(|k| same_ignoring_case(k, r)) {
                    roles.push(r.clone());
                }
            }
            if affiliation.is_none() {
                affiliation = m.affiliation.clone();
            }
            match kind {
                ActorKind::Person => result.person_spans.push((m.start, m.end)),
                ActorKind::Organization => result.org_spans.push((m.start, m.end)),
            }
        }
        mentions.sort_by_key(|m| m.span);
        mentions.dedup_by_key(|m| m.span);
        let aliases = super::aliases_of(&mentions, doc);
        let (name, name_en) = match &first.identity {
            Identity::Known(i) => {
                let e = &g.actors[*i];
                if e.affiliation.is_some() {
                    affiliation = e.affiliation.clone();
                }
                (e.name.clone(), e.name_en.clone())
            }
            _ => {
                // the longest form seen, first of equals
                let mut best = &aliases[0];
                for a in &aliases {
                    if a.split(' ').count() > best.split(' ').count() {
                        best = a;
                    }
                }
                (best.clone(), None)
            }
        };
        result.actors.push(Actor {
            name,
            kind,
            name_en,
            aliases,
            roles,
            affiliation,
            mentions,
        });
    }
    // a Korean name the context gave no country: the country its
    // romanization is of; a Vietnamese name, Vietnam
    for a in &mut result.actors {
        if a.kind == ActorKind::Person && a.affiliation.is_none() {
            a.affiliation = korean_romanization(&a.name)
                .or_else(|| is_vietnamese_name(&a.name).then_some("VN"))
                .map(str::to_string);
        }
    }
    inherit_affiliation(&mut result.actors);
    take_affiliation_from_roles(&mut result.actors);
    let mut org_countries = Vec::with_capacity(result.org_spans.len());
    for (actor, &ms) in result.actors.iter().zip(&groups) {
        if actor.kind == ActorKind::Organization {
            for m in ms.iter().map(|&i| &raw[i]) {
                org_countries.push((m.start, m.end, actor.affiliation.clone()));
            }
        }
    }
    org_countries.sort_by_key(|&(s, e, _)| (s, e));
    result.org_countries = org_countries;
    result
}

/// Equal but for letter case (`Chủ tịch` and `chủ tịch`), without
/// allocating lowercase copies.
fn same_ignoring_case(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// Short person names merge into the nearest (preceding, else following)
/// person whose name they begin or end: `(mention, mention it merges into)`
/// pairs. Work per distinct name, with binary searches, so a document with
/// thousands of mentions stays fast.
fn short_form_targets(g: &Gazetteer, text: &str, raw: &[RawMention]) -> Vec<(usize, usize)> {
    let mut by_words: FastMap<&[String], Vec<usize>> = FastMap::default();
    for (i, m) in raw.iter().enumerate() {
        if m.kind == ActorKind::Person && !m.words.is_empty() {
            by_words.entry(&m.words[..]).or_default().push(i);
        }
    }
    // longest names first, so a chain (`Kim` -> `Kim Jong` -> `Kim Jong
    // Un`) resolves to the end whatever the map's order
    let mut names: Vec<&[String]> = by_words.keys().copied().collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut reassign: Vec<(usize, usize)> = Vec::new();
    for short in &names {
        let longer: Vec<&Vec<usize>> = names
            .iter()
            .filter(|l| {
                l.len() > short.len()
                    && (l[..short.len()] == short[..] || l[l.len() - short.len()..] == short[..])
            })
            .map(|l| &by_words[l])
            .collect();
        if longer.is_empty() {
            continue;
        }
        for &i in &by_words[short] {
            // `bà Kim` is the woman named `bà Kim Yo-jong` before, even when
            // `Kim Jong-un` stands nearer, and never a man named `ông Kim …`;
            // `ông Kim` is never a woman. Only `bà` prefers its own: a name
            // without an honorific is most often a man's in this news, so
            // `ông` says little about which of several it is.
            let gender = |ms: &Vec<usize>| group_gender(g, text, raw, ms);
            let by_gender: Vec<&Vec<usize>>;
            let candidates: &[&Vec<usize>] = match honorific_gender(g, text, raw[i].start) {
                None => &longer,
                Some(female) => {
                    let women: Vec<&Vec<usize>> = longer
                        .iter()
                        .copied()
                        .filter(|ms| female && gender(ms) == Some(true))
                        .collect();
                    by_gender = if women.is_empty() {
                        longer
                            .iter()
                            .copied()
                            .filter(|ms| gender(ms) != Some(!female))
                            .collect()
                    } else {
                        women
                    };
                    &by_gender
                }
            };
            if let Some(j) = nearest_mention(raw, candidates, raw[i].start) {
                reassign.push((i, j));
            }
        }
    }
    reassign
}

/// An organization of unknown country named in the role of a person whose
/// country is known (`hiệu trưởng Đại học Công nghệ Malek Ashtar` of an
/// Iranian official) is taken to be of that country.
fn inherit_affiliation(actors: &mut [Actor]) {
    let mut inherited: Vec<(usize, String)> = Vec::new();
    for (i, org) in actors.iter().enumerate() {
        if org.kind != ActorKind::Organization || org.affiliation.is_some() {
            continue;
        }
        let country = actors.iter().find_map(|p| {
            if p.kind == ActorKind::Person && roles_name(p, org) {
                p.affiliation.clone()
            } else {
                None
            }
        });
        if let Some(c) = country {
            inherited.push((i, c));
        }
    }
    for (i, c) in inherited {
        actors[i].affiliation = Some(c);
    }
}

/// Whether one of the person's roles names the organization by one of its
/// aliases (`Thứ trưởng Bộ Ngoại giao` names `Bộ Ngoại giao`).
fn roles_name(person: &Actor, org: &Actor) -> bool {
    person
        .roles
        .iter()
        .any(|r| org.aliases.iter().any(|a| r.contains(a.as_str())))
}

/// A person of unknown country whose role names organizations of one known
/// country (`Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt`, the ministry being
/// Vietnam's by its spokeswoman) acts for that country; organizations of
/// two countries in the roles give none.
fn take_affiliation_from_roles(actors: &mut [Actor]) {
    let mut taken: Vec<(usize, String)> = Vec::new();
    for (i, person) in actors.iter().enumerate() {
        if person.kind != ActorKind::Person || person.affiliation.is_some() {
            continue;
        }
        let mut countries = actors.iter().filter_map(|org| {
            let named = org.kind == ActorKind::Organization && roles_name(person, org);
            named.then_some(org.affiliation.as_deref()).flatten()
        });
        if let Some(first) = countries.next() {
            if countries.all(|c| c == first) {
                taken.push((i, first.to_string()));
            }
        }
    }
    for (i, c) in taken {
        actors[i].affiliation = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{run_all, Context};

    /// (name, kind, affiliation)
    type Row = (String, ActorKind, Option<String>);

    fn actors(text: &str) -> Vec<Row> {
        let doc = Prepared::new(text);
        run_all(&doc, &Context::for_tests())
            .actors
            .into_iter()
            .map(|a| (a.name, a.kind, a.affiliation))
            .collect()
    }

    /// The actors with the texts of their mentions, in order.
    fn actors_with_mentions(text: &str) -> Vec<(String, ActorKind, Option<String>, Vec<String>)> {
        let doc = Prepared::new(text);
        run_all(&doc, &Context::for_tests())
            .actors
            .into_iter()
            .map(|a| {
                let mentions = a.mentions.into_iter().map(|m| m.text).collect();
                (a.name, a.kind, a.affiliation, mentions)
            })
            .collect()
    }

    #[test]
    fn given_names_of_one_person_and_of_another() {
        let table: &[(&str, &str, bool)] = &[
            ("yury", "yuri", true),
            ("vladimir", "volodymyr", true),
            ("sergey", "sergei", true),
            ("dmitri", "dmitry", true),
            ("v", "vladimir", true),
            ("đ", "đức", true),
            ("jill", "joe", false),
            ("hunter", "joe", false),
            ("ivanka", "donald", false),
            ("melania", "donald", false),
            ("jang", "jong", true),
        ];
        for &(given, listed, same) in table {
            assert_eq!(same_given_name(given, listed), same, "{given} / {listed}");
        }
    }

    #[test]
    fn connectors_are_found_as_to_lowercase_finds_them() {
        let mut words: Vec<String> = CONNECTORS.iter().map(|c| c.to_string()).collect();
        words.extend(CONNECTORS.iter().map(|c| c.to_uppercase()));
        words.extend(
            [
                "Của",
                "VÀ",
                "\u{212A}hi",
                "Quân\u{0301}",
                "quânx",
                "",
                "ĐẶC",
                "İ",
                "ΣΑ",
                "một-hai-ba-bốn-năm-sáu-bảy-tám",
            ]
            .map(String::from),
        );
        for w in &words {
            let mut buf = [0; CONNECTOR_MAX];
            let fast = lowercase_short(w, &mut buf).is_some_and(|l| connectors().contains(l));
            let plain = CONNECTORS.contains(&w.to_lowercase().as_str());
            assert_eq!(fast, plain, "{w:?}");
        }
    }

    #[test]
    fn russias_security_council_is_not_the_uns() {
        let found = actors("Phó Chủ tịch Hội đồng Bảo an Nga Dmitry Medvedev dự lễ duyệt binh.");
        assert!(found.contains(&(
            "Hội đồng An ninh Nga".to_string(),
            ActorKind::Organization,
            Some("RU".to_string())
        )));
        let un = actors("Hội đồng Bảo an họp khẩn về Triều Tiên.");
        assert_eq!(un[0].0, "Hội đồng Bảo an Liên Hợp Quốc");
    }

    #[test]
    fn an_organization_named_without_its_country_joins_the_nearest_named_with_it() {
        let orgs = |text: &str| -> Vec<(String, Vec<String>)> {
            let doc = Prepared::new(text);
            run_all(&doc, &Context::for_tests())
                .actors
                .into_iter()
                .filter(|a| a.kind == ActorKind::Organization)
                .map(|a| (a.name, a.aliases))
                .collect()
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            orgs("Bộ Ngoại giao Nga ra tuyên bố. Theo Bộ Ngoại giao, đây là bước leo thang."),
            [(
                "Bộ Ngoại giao Nga".to_string(),
                s(&["Bộ Ngoại giao", "Bộ Ngoại giao Nga"])
            )]
        );
        // the nearest one before it, of two
        let two = orgs(
            "Bộ Quốc phòng Nga phản đối. Bộ Quốc phòng Ukraine bác bỏ. Bộ Quốc phòng cho biết sẽ đáp trả.",
        );
        assert_eq!(two.len(), 2, "{two:?}");
        assert_eq!(two[1].1, s(&["Bộ Quốc phòng", "Bộ Quốc phòng Ukraine"]));
        // no qualified one: it stays as written, with no country
        let alone = actors("Theo Bộ Ngoại giao, Việt Nam theo dõi sát tình hình.");
        assert!(alone.contains(&("Bộ Ngoại giao".to_string(), ActorKind::Organization, None)));
        // a legislature by its head alone
        assert_eq!(
            orgs("Quốc hội Hàn Quốc họp phiên bất thường. Theo Quốc hội, dự luật sẽ được bỏ phiếu tuần tới."),
            [(
                "Quốc hội Hàn Quốc".to_string(),
                s(&["Quốc hội", "Quốc hội Hàn Quốc"])
            )]
        );
        let by_head = |text: &str| -> Vec<String> { orgs(text).into_iter().map(|o| o.0).collect() };
        assert_eq!(
            by_head("Hạ viện đã bỏ phiếu thông qua gói viện trợ."),
            ["Hạ viện"]
        );
        assert_eq!(
            by_head("Các nghị sĩ của Bộ Chính trị nhóm họp."),
            ["Bộ Chính trị"]
        );
        // not a body: a head that is a common noun alone, a title, lowercase
        for text in [
            "Bộ này cho biết sẽ điều tra.",
            "Lực lượng này đã rút khỏi khu vực.",
            "Chủ tịch Quốc hội Vương Đình Huệ tiếp đoàn.",
            "Các đại biểu quốc hội thảo luận dự luật.",
        ] {
            assert_eq!(by_head(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn where_an_organization_stands_and_whom_a_person_belongs_to_give_countries() {
        let country = |text: &str, name: &str| -> Option<String> {
            let got = actors(text);
            let found = got.iter().find(|(n, _, _)| n == name);
            found
                .unwrap_or_else(|| panic!("{name} in {got:?}"))
                .2
                .clone()
        };
        let cases: &[(&str, &str, Option<&str>)] = &[
            // the seat of an organization named without a country
            ("Viện Chính sách Hayden có trụ sở tại Berlin cảnh báo.", "Viện Chính sách Hayden", Some("DE")),
            ("Theo Trung tâm Nghiên cứu Orion ở Tokyo, số tên lửa tăng.", "Trung tâm Nghiên cứu Orion", Some("JP")),
            // … said after its acronym
            ("Các chuyên gia tại Viện Nghiên cứu Quốc phòng Quốc gia (NIDS) ở Tokyo lo ngại.", "Viện Nghiên cứu Quốc phòng Quốc gia", Some("JP")),
            // a country in the name outweighs the seat
            ("Đại sứ quán Mỹ tại Seoul ra thông báo.", "Đại sứ quán Mỹ", Some("US")),
            // a person of an organization, after the name
            ("Chuyên gia Go Myong-hyun của Viện Nghiên cứu Chiến lược Quốc gia Hàn Quốc nhận định.", "Go Myong-hyun", Some("KR")),
            ("Giáo sư Artyom Lukin thuộc Viện Nghiên cứu Orion ở Vladivostok cho biết.", "Artyom Lukin", Some("RU")),
            ("Chuyên gia Nguyễn Văn Bình từ Học viện Ngoại giao nhận định.", "Nguyễn Văn Bình", Some("VN")),
            ("Nhà nghiên cứu Hong Min tại Viện Thống nhất Quốc gia Hàn Quốc nhận định.", "Hong Min", Some("KR")),
            // a place after a person is where they are, not whom they serve
            ("Nhà nghiên cứu Artyom Lukin tại Seoul cho biết.", "Artyom Lukin", None),
            ("Chuyên gia Artyom Lukin từ Seoul cho biết.", "Artyom Lukin", None),
            // a listed person acts for the listed country, whatever stands
            // after the name, in every mention
            ("Tổng thống V.Putin tiếp Chủ tịch Kim Jong-un tại Điện Kremlin.", "Kim Jong Un", Some("KP")),
            ("Ông Putin tại Bình Nhưỡng nói. Tổng thống Vladimir Putin ký hiệp ước.", "Vladimir Putin", Some("RU")),
            // a country after `về` is what a role is about
            ("Ông Victor Cha, chuyên gia về Triều Tiên tại Trung tâm Nghiên cứu Orion ở Washington, cho biết.", "Victor Cha", Some("US")),
            ("Chuyên gia về Hàn Quốc Andrei Lankov nhận định.", "Andrei Lankov", None),
            ("Đặc phái viên Mỹ về Triều Tiên Julie Turner cho biết.", "Julie Turner", Some("US")),
            // a body of a plain name, in a sentence that opens with where
            // it happens
            ("Ở Seoul, Tổng thống chủ trì cuộc họp khẩn với Hội đồng An ninh Quốc gia.", "Hội đồng An ninh Quốc gia", Some("KR")),
            ("Tại thủ đô Tokyo, Bộ Quốc phòng đang theo dõi sát tình hình.", "Bộ Quốc phòng", Some("JP")),
            // … not where the place is no opening clause, nor for a body
            // whose name names a place of its own
            ("Hội đồng An ninh Quốc gia họp ở Seoul.", "Hội đồng An ninh Quốc gia", None),
            ("Tổng thống ở Seoul, Hội đồng An ninh Quốc gia họp.", "Hội đồng An ninh Quốc gia", None),
            ("Tại Brussels, Hội đồng châu Âu ra tuyên bố chung.", "Hội đồng châu Âu", None),
        ];
        for &(text, name, want) in cases {
            assert_eq!(country(text, name).as_deref(), want, "{text}");
        }
    }

    fn person(name: &str, country: Option<&str>) -> Row {
        (
            name.to_string(),
            ActorKind::Person,
            country.map(str::to_string),
        )
    }

    #[test]
    fn persons_in_no_list_are_found_by_their_titles() {
        // (sentence, expected persons as (name, affiliation))
        type Case = (
            &'static str,
            &'static [(&'static str, Option<&'static str>)],
        );
        let table: &[Case] = &[
            (
                "Bộ trưởng Quốc phòng Hàn Quốc Kim Yong-hyun thăm Seoul.",
                &[("Kim Yong Hyun", Some("KR"))],
            ),
            // `Đại diện` (representative) before a field
            (
                "Đại diện Thương mại Mỹ Jamieson Greer cho biết thuế sẽ tăng.",
                &[("Jamieson Greer", Some("US"))],
            ),
            (
                "Đại diện Bộ Ngoại giao cho biết đã nhận công hàm.",
                &[],
            ),
            // a capitalized field of a title is no name
            (
                "Ủy viên Nhân quyền Dmytro Lubinets cho biết Kiev đang xem xét.",
                &[("Dmytro Lubinets", None)],
            ),
            // (no country in the context: the North's romanization of Park)
            (
                "Trung tướng Pak Yong Il dẫn đầu phái đoàn.",
                &[("Pak Yong Il", Some("KP"))],
            ),
            (
                "Ngoại trưởng Triều Tiên Ri Son Gwon phát biểu.",
                &[("Ri Son Gwon", Some("KP"))],
            ),
            (
                "Thứ trưởng Quốc phòng Nga Alexander Fomin gặp ông Kang Sun Nam.",
                &[
                    ("Alexander Fomin", Some("RU")),
                    ("Kang Sun Nam", Some("KP")),
                ],
            ),
            (
                "Người phát ngôn Bộ Ngoại giao Hàn Quốc Lim Soo-suk cho biết.",
                &[("Lim Soo-suk", Some("KR"))],
            ),
            (
                "Đại sứ Nga tại Triều Tiên Alexander Matsegora nói.",
                &[("Alexander Matsegora", Some("RU"))],
            ),
            // an apposition with the indefinite article
            (
                "Ông Ivan Petrov, một chuyên gia quân sự Nga, nhận định rằng xung đột sẽ kéo dài.",
                &[("Ivan Petrov", Some("RU"))],
            ),
            (
                "Ông Ivan Petrov, một người dân Nga, cho biết giá cả tăng.",
                &[("Ivan Petrov", None)],
            ),
            // the title of a province or city, its generic word included
            (
                "Thống đốc tỉnh Kharkiv Oleh Syniehubov cho biết 3 người thiệt mạng.",
                &[("Oleh Syniehubov", Some("UA"))],
            ),
            (
                "Quyền Thống đốc tỉnh Kursk Alexander Khinshtein nói tình hình đã ổn định.",
                &[("Alexander Khinshtein", Some("RU"))],
            ),
            (
                "Thị trưởng thành phố Kiev Vitali Klitschko kêu gọi người dân trú ẩn.",
                &[("Vitali Klitschko", Some("UA"))],
            ),
            // a local office after the place clause that opens the sentence
            (
                "Tại tỉnh Belgorod, Thống đốc Vyacheslav Gladkov cho biết hai người bị thương.",
                &[("Vyacheslav Gladkov", Some("RU"))],
            ),
            (
                "Ở Kharkiv, Thị trưởng Ihor Terekhov nói rằng điện đã được khôi phục.",
                &[("Ihor Terekhov", Some("UA"))],
            ),
            (
                "Tại vùng Kursk, quyền Thống đốc Alexander Khinshtein cho biết tình hình đã ổn định.",
                &[("Alexander Khinshtein", Some("RU"))],
            ),
            // … not another office, nor a place clause inside the sentence
            (
                "Tại Seoul, nhà phân tích Jean Dupont cho rằng Bình Nhưỡng sẽ đáp trả.",
                &[("Jean Dupont", None)],
            ),
            (
                "Sau chuyến thăm Kursk, Thống đốc Vyacheslav Gladkov trở về.",
                &[("Vyacheslav Gladkov", None)],
            ),
            (
                "Ông Tomasz Wisniewski, phát ngôn viên của Bộ Quốc phòng Ba Lan, nói.",
                &[("Tomasz Wisniewski", Some("PL"))],
            ),
            (
                "Jan Kowalski, người phát ngôn Bộ Ngoại giao Ba Lan, cho biết.",
                &[("Jan Kowalski", Some("PL"))],
            ),
            // membership is a role too
            (
                "Nghị sĩ Park Sun-won, thành viên Ủy ban Tình báo Quốc hội Hàn Quốc, nói.",
                &[("Park Sun-won", Some("KR"))],
            ),
            // a family name after `title + organization` starts the name
            (
                "Người phát ngôn Bộ Ngoại giao Đoàn Khắc Việt chiều 11/11 cho biết.",
                &[("Đoàn Khắc Việt", None)],
            ),
            (
                "Người phát ngôn Văn phòng Chính phủ Trương Minh Tuấn trả lời.",
                &[("Trương Minh Tuấn", None)],
            ),
            // titles written in lowercase inside, ranks and scholars
            (
                "Trợ lý Ngoại trưởng Mỹ Daniel Kritenbrink tới Hà Nội.",
                &[("Daniel Kritenbrink", Some("US"))],
            ),
            (
                "Tổng tham mưu trưởng Quân đội Ukraine Oleksandr Tarnavsky nói.",
                &[("Oleksandr Tarnavsky", Some("UA"))],
            ),
            (
                "Theo nhà nghiên cứu Andrei Lankov, Bình Nhưỡng được lợi.",
                &[("Andrei Lankov", None)],
            ),
            (
                "Quân đội do tướng Oleksandr Tarnavsky chỉ huy rút lui.",
                &[("Oleksandr Tarnavsky", None)],
            ),
            (
                "Tổng tham mưu trưởng quân đội Nga, tướng Valery Gerasimov, cho biết.",
                &[("Valery Gerasimov", Some("RU"))],
            ),
            (
                "Tư lệnh hải quân Ukraine Oleksiy Neizhpapa nói.",
                &[("Oleksiy Neizhpapa", Some("UA"))],
            ),
            // `tướng lĩnh` (generals) is no title before a name
            ("Các tướng lĩnh Nga họp tại Moscow.", &[]),
            // an initial belongs to the name; alone, a letter is no name
            (
                "Đại sứ Nga A. Kulik cho biết như vậy.",
                &[("A. Kulik", Some("RU"))],
            ),
            (
                "Thứ trưởng Ngoại giao Nga A. Rudenko nói.",
                &[("Andrei Rudenko", Some("RU"))],
            ),
            ("Bộ trưởng chọn phương án B. Kế hoạch được duyệt.", &[]),
            // a given name spelled otherwise before a listed surname
            (
                "Trợ lý Điện Kremlin Yury Ushakov cho biết.",
                &[("Yuri Ushakov", Some("RU"))],
            ),
            // … but other given names are another person of the family,
            // and after a kinship word the title is the relative's
            (
                "Đệ nhất phu nhân Melania Trump và Tổng thống Donald Trump tới Tokyo.",
                &[("Melania Trump", None), ("Donald Trump", Some("US"))],
            ),
            (
                "Con gái Tổng thống Mỹ Ivanka Trump tới Seoul.",
                &[("Ivanka Trump", Some("US"))],
            ),
            (
                "Tổng thống Mỹ Joe Biden và phu nhân Jill Biden đã đến Seoul.",
                &[("Joe Biden", Some("US")), ("Jill Biden", None)],
            ),
            // (the Russian spelling of a Ukrainian given name)
            (
                "Ông Vladimir Zelensky kêu gọi phương Tây viện trợ.",
                &[("Volodymyr Zelensky", Some("UA"))],
            ),
            // `chị`, `cô` mark a woman as `bà` does
            // (the South's romanization gives the country)
            (
                "Chị Park Ji-won, nhân viên văn phòng ở Busan, cũng vậy.",
                &[("Park Ji-won", Some("KR"))],
            ),
            // the phonetic Vietnamese spellings of listed names
            (
                "Tổng thống Nga V. Pu-tin tiếp Ngoại trưởng Xéc-gây Lav-rốp.",
                &[
                    ("Vladimir Putin", Some("RU")),
                    ("Sergei Lavrov", Some("RU")),
                ],
            ),
        ];
        for (text, want) in table {
            let got: Vec<_> = actors(text)
                .into_iter()
                .filter(|a| a.1 == ActorKind::Person)
                .collect();
            let want: Vec<_> = want.iter().map(|(n, c)| person(n, *c)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn surnames_are_sorted_and_unique() {
        // `is_surname` binary-searches the file as written
        let names: Vec<&str> = SURNAMES_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "data/surnames.tsv");
        assert!(is_surname("Nguyễn") && is_surname("Trương") && !is_surname("Hà Nội"));
    }

    #[test]
    fn a_foreign_name_after_a_title_and_a_body_is_a_person() {
        // (sentence, persons, organizations)
        let table: &[(&str, &[&str], &[&str])] = &[
            (
                "Người phát ngôn Bộ Quốc phòng Igor Konashenkov cho biết các đơn vị đã rút.",
                &["Igor Konashenkov"],
                &["Bộ Quốc phòng"],
            ),
            (
                "Người phát ngôn Bộ Thống nhất Koo Byoung-sam nói vậy.",
                &["Koo Byoung-sam"],
                &["Bộ Thống nhất"],
            ),
            (
                "Chủ tịch Ủy ban Olympic Quốc tế Thomas Bach phát biểu.",
                &["Thomas Bach"],
                &["Ủy ban Olympic Quốc tế"],
            ),
            // a longer run may end the body's name: not split by this rule
            // (by the given names the gazetteer knows)
            (
                "Hiệu trưởng Đại học Công nghệ Malek Ashtar Mehdi Jafari phát biểu.",
                &["Mehdi Jafari"],
                &["Đại học Công nghệ Malek Ashtar"],
            ),
            // Vietnamese words go on naming the body
            (
                "Người phát ngôn Bộ Công Thương cho biết giá sẽ tăng.",
                &[],
                &["Bộ Công Thương"],
            ),
        ];
        for &(text, persons, orgs) in table {
            let got = actors_with_mentions(text);
            let names = |kind: ActorKind| -> Vec<String> {
                got.iter()
                    .filter(|a| a.1 == kind)
                    .flat_map(|a| a.3.clone())
                    .collect()
            };
            assert_eq!(names(ActorKind::Person), persons, "{text}");
            assert_eq!(names(ActorKind::Organization), orgs, "{text}");
        }
    }

    #[test]
    fn korean_and_vietnamese_names_without_a_country_take_theirs() {
        let names: Vec<&str> = KOREAN_SURNAMES_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "data/korean_surnames.tsv"
        );
        for (text, want) in [
            (
                "Theo bà Hwang Jin-ha, nghị sĩ, Triều Tiên đã nhận công nghệ.",
                Some("KR"),
            ),
            ("Người phát ngôn Lim Soo-suk cho biết như vậy.", Some("KR")),
            // a hyphenated name of another language: none
            ("Theo ông Chen Wei-lun, hòn đảo sẽ tự vệ.", None),
            ("Nghị sĩ Lee Seong-kweun cho biết như vậy.", Some("KR")),
            ("Đại tướng Ri Yong Gil dẫn đầu phái đoàn.", Some("KP")),
            ("Đại tướng Pak Jong Chon thị sát đơn vị.", Some("KP")),
            // the context's country wins; other names and spellings take none
            ("Thủ tướng Singapore Lee Hsien Loong phát biểu.", Some("SG")),
            ("Ông Lee Wei Ming phát biểu.", None),
            ("Nghị sĩ Park Chan cho biết như vậy.", None),
            // a Vietnamese name: Vietnam; a Chinese name in its
            // Sino-Vietnamese reading, none
            (
                "Thứ trưởng Bộ Ngoại giao Nguyễn Minh Vũ tiếp đoàn.",
                Some("VN"),
            ),
            ("Theo chuyên gia Trần Văn Bảy, Nga sẽ thắng.", Some("VN")),
            ("Ông Hoàng Khôn Minh phát biểu.", None),
        ] {
            let persons: Vec<_> = actors(text)
                .into_iter()
                .filter(|a| a.1 == ActorKind::Person)
                .map(|a| a.2)
                .collect();
            assert_eq!(persons, [want.map(str::to_string)], "{text}");
        }
    }

    #[test]
    fn a_person_of_unknown_country_takes_the_country_of_the_body_in_the_role() {
        // (text, persons with their countries)
        type Persons<'a> = &'a [(&'a str, Option<&'a str>)];
        let table: &[(&str, Persons)] = &[
            (
                "Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng nói. Cùng ngày, \
                 Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt tiếp đoàn.",
                &[("Phạm Thu Hằng", Some("VN")), ("Đỗ Hùng Việt", Some("VN"))],
            ),
            // the country in the title itself stays
            (
                "Thứ trưởng Bộ Quốc phòng Mỹ Lloyd Austin nói. Cố vấn Bộ Quốc \
                 phòng Mỹ Trương Gia Huy cũng có mặt.",
                &[("Lloyd Austin", Some("US")), ("Trương Gia Huy", Some("US"))],
            ),
            // a body of no known country gives none
            (
                "Phó Tổng thư ký Liên Hợp Quốc Đỗ Gia Minh phát biểu.",
                &[("Đỗ Gia Minh", None)],
            ),
        ];
        for (text, want) in table {
            let persons: Vec<_> = actors(text)
                .into_iter()
                .filter(|a| a.1 == ActorKind::Person)
                .map(|a| (a.0, a.2))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(n, c)| (n.to_string(), c.map(str::to_string)))
                .collect();
            assert_eq!(persons, want, "{text}");
        }
    }

    #[test]
    fn vietnamese_full_names_are_persons_without_a_title() {
        // (sentence, persons)
        let table: &[(&str, &[&str])] = &[
            (
                "Trần Minh Đức, 35 tuổi, cho biết đã chờ từ sáng.",
                &["Trần Minh Đức"],
            ),
            ("Theo anh Lê Văn Hùng, trời mưa.", &["Lê Văn Hùng"]),
            ("Chị Nguyễn Thị Lan cho biết.", &["Nguyễn Thị Lan"]),
            ("Sinh viên Lê Minh Anh đạt giải nhất.", &["Lê Minh Anh"]),
            // `Anh` opening a sentence is the honorific (Mr), not Britain
            ("Anh Phạm Quốc Bảo, 40 tuổi, nói.", &["Phạm Quốc Bảo"]),
            // … and the short form later is the same person
            (
                "Anh Trần Minh Đức đến từ Nghệ An. Ông Đức từng có 20 năm quân ngũ.",
                &["Trần Minh Đức"],
            ),
        ];
        for (text, want) in table {
            let persons: Vec<String> = actors(text)
                .into_iter()
                .filter(|a| a.1 == ActorKind::Person)
                .map(|a| a.0)
                .collect();
            assert_eq!(persons, *want, "{text}");
        }
    }

    #[test]
    fn names_that_are_not_persons() {
        let table = [
            "Video đang HOT",
            "Trong khi đó, Bộ trưởng cho biết sẽ trả lời sau.",
            "Hôm nay, Tổng thống phát biểu.",
            "Nhật Lệ",
            "Tổng thống Nga và Thủ tướng Ấn Độ hội đàm.",
            // a country after a title that opens a sentence or headline
            "Tướng Mỹ: Lính Triều Tiên ở Nga học cách chiến đấu hiện đại",
            "Cùng ngày, Hà Nội, thủ đô Việt Nam, đón đoàn.",
            // an organization after a title, not a one-word name
            "Phó Chủ tịch Quân ủy Trung ương Trung Quốc có mặt.",
            // a person an institution or a place is named after is no
            // person here
            "Sinh viên Học viện Quân sự Lê Quý Đôn tham dự.",
            "Lễ duyệt binh diễn ra ở quảng trường Kim Il Sung.",
            "Đoàn đã tới Thành phố Hồ Chí Minh.",
            "Đại sứ quán Mỹ tại Hà Nội ra thông cáo.",
            // the first word of a longer organization head, before a known
            // organization
            "Phó tư lệnh Lực lượng Liên Hợp Quốc (UNC) cho biết như vậy.",
            // a capitalized word after an organization's bracketed acronym
            // with no title before it
            "Theo Cơ quan Tình báo Quốc gia Hàn Quốc (NIS) Triều Tiên đã gửi thêm quân.",
            "Chủ tịch Hội đồng Bảo an nhóm họp.",
            "Cô lập Nga là mục tiêu của phương Tây.",
            // officials without a name
            "Các quan chức Mỹ cho biết Nga đã nhận tên lửa.",
            "Một quan chức Hàn Quốc giấu tên nói Seoul lo ngại.",
            // a plural word that begins an organization's name
            "Đại tướng Tổng tham mưu trưởng Các lực lượng vũ trang Nga thị sát.",
            "Người phát ngôn Những người bảo vệ tổ quốc lên tiếng.",
            // a capitalized chain word with its lowercase other half
            "Tổng tham mưu trưởng Liên quân Hàn Quốc họp khẩn.",
            // a title's field, capitalized (`Nhân quyền`, human rights)
            "Văn phòng Ủy viên Nhân quyền cho biết đã nhận đơn.",
            // places and bodies named after a person; two-word names
            // without a title (a byline, a place)
            "Đoàn xe đi qua đường Trần Hưng Đạo.",
            "Học sinh trường Lê Quý Đôn tham dự.",
            "Bệnh nhân được đưa tới bệnh viện Trần Hưng Đạo.",
            "Thanh Hà",
            "Trần Quang cho biết.",
            // a listed place whose name begins with a family name
            "Đoàn tới Phan Rang Tháp Chàm hôm qua.",
            // a ship named after a person
            "Tàu khu trục Đô đốc Tributs cập cảng Wonsan.",
            "Tàu ngầm Đại tướng Belgrano bị đánh chìm.",
        ];
        for text in table {
            let persons: Vec<_> = actors(text)
                .into_iter()
                .filter(|a| a.1 == ActorKind::Person)
                .collect();
            assert!(persons.is_empty(), "{text}: {persons:?}");
        }
    }

    #[test]
    fn a_metonym_the_gazetteer_knows_is_one_organization() {
        // the Pentagon is the US Department of Defense, as news text uses it
        let got = actors_with_mentions(
            "Bộ Quốc phòng Mỹ (Lầu Năm Góc) ước tính khoảng 10.000 lính Triều Tiên đã tới Nga. Lầu Năm Góc chưa bình luận.",
        );
        let orgs: Vec<_> = got
            .iter()
            .filter(|a| a.1 == ActorKind::Organization)
            .collect();
        assert_eq!(orgs.len(), 1, "{got:?}");
        assert_eq!(orgs[0].0, "Bộ Quốc phòng Mỹ");
        assert_eq!(orgs[0].3.len(), 3, "{got:?}");
    }

    #[test]
    fn a_verb_of_arriving_ends_an_organization_name() {
        let got: Vec<_> = actors("Tàu khu trục của Hạm đội Thái Bình Dương cập cảng Wonsan.")
            .into_iter()
            .map(|a| a.0)
            .collect();
        assert_eq!(got, ["Hạm đội Thái Bình Dương"]);
    }

    #[test]
    fn a_relation_between_countries_is_no_organization() {
        for (text, want) in [
            (
                "Liên minh Nga - Triều Tiên đang thay đổi cục diện khu vực.",
                &[][..],
            ),
            ("Liên minh Mỹ và Hàn Quốc vẫn vững chắc.", &[][..]),
            // a body of the two is one
            (
                "Ủy ban liên chính phủ Nga - Triều Tiên đã họp tại Moskva.",
                &["Ủy ban liên chính phủ Nga - Triều Tiên"][..],
            ),
            ("Liên minh châu Âu (EU) lên án vụ phóng.", &["EU"][..]),
            // … and so is a body of a country and an organization of states
            (
                "Hội đồng Nga - NATO ngừng hoạt động từ năm 2022.",
                &["Hội đồng Nga - NATO", "NATO"][..],
            ),
        ] {
            let got: Vec<_> = actors(text).into_iter().map(|a| a.0).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_known_organization_in_brackets_is_the_same_body() {
        // a body the pattern rules found, then its other name in brackets
        let got = actors_with_mentions(
            "Thượng viện (Hội đồng Liên bang) đã phê chuẩn hiệp ước vào ngày 6/11.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Hội đồng Liên bang Nga");
        assert_eq!(got[0].2.as_deref(), Some("RU"));
        assert_eq!(got[0].3, ["Thượng viện", "Hội đồng Liên bang"]);
        // … not words after it in brackets that hold more than the name
        let got = actors_with_mentions(
            "Thượng viện (trong đó có Hội đồng Liên bang) đã họp vào ngày 6/11.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn kinship_words_are_honorifics_in_the_titles_data() {
        let data = include_str!("../../data/titles.tsv");
        for word in KINSHIP {
            assert!(
                data.lines()
                    .any(|l| l.starts_with(&format!("{word}\thonorific"))),
                "{word}"
            );
        }
    }

    #[test]
    fn particles_do_not_count_toward_a_names_length() {
        let got = actors(
            "Thủ tướng Qatar Sheikh Mohammed bin Abdulrahman Al Thani hôm 15/1 thông báo thỏa thuận.",
        );
        assert!(
            got.iter()
                .any(|a| a.0 == "Mohammed bin Abdulrahman Al Thani"
                    && a.1 == ActorKind::Person
                    && a.2.as_deref() == Some("QA")),
            "{got:?}"
        );
    }

    #[test]
    fn first_deputies_keep_their_title() {
        let got = actors(
            "Phó Giám đốc thứ nhất Cơ quan Tình báo Quốc gia Hàn Quốc Hong Jang-won cảnh báo.",
        );
        assert!(
            got.iter()
                .any(|a| a.0 == "Hong Jang-won" && a.2.as_deref() == Some("KR")),
            "{got:?}"
        );
    }

    #[test]
    fn roles_of_a_title_chain() {
        // (sentence, person, roles)
        let table: &[(&str, &str, &[&str])] = &[
            // ranks and offices of the armed forces and the diplomatic
            // service (`Thống tướng` is one rank, not `tướng` in it)
            (
                "Thống tướng Kim Myung-soo gặp các chỉ huy.",
                "Kim Myung-soo",
                &["Thống tướng"],
            ),
            (
                "Binh nhì Park Ji-hoon được trao huân chương.",
                "Park Ji-hoon",
                &["Binh nhì"],
            ),
            (
                "Chính ủy Quân khu 7, Trung tướng Trần Văn Bảy, tiếp đoàn.",
                "Trần Văn Bảy",
                &["Trung tướng", "Chính ủy Quân khu 7"],
            ),
            // what a title is for, after `về` (about), before its body
            (
                "Đại diện cấp cao về chính sách đối ngoại của Liên minh châu Âu (EU) \
                 Josep Borrell nói.",
                "Josep Borrell",
                &["Đại diện cấp cao"],
            ),
            // (and no title before it)
            (
                "Ngoại trưởng các nước G7 và Đại diện cấp cao về chính sách đối ngoại \
                 của EU Kaja Kallas ra tuyên bố.",
                "Kaja Kallas",
                &["Đại diện cấp cao"],
            ),
            // the status words after the title's country, before an
            // unlisted name (whose given name holds a listed one's short
            // name: `Yoon`)
            (
                "Thứ trưởng Ngoại giao Hàn Quốc thứ nhất Park Yoon-joo triệu Đại sứ Nga.",
                "Park Yoon-joo",
                &["Thứ trưởng Ngoại giao thứ nhất"],
            ),
            (
                "Tổng thống Mỹ đắc cử John Doe phát biểu.",
                "John Doe",
                &["Tổng thống đắc cử"],
            ),
            // an organization written with a dash inside its name
            (
                "Tư lệnh Bộ Tư lệnh Ấn Độ - Thái Bình Dương Samuel Paparo cảnh báo.",
                "Samuel Paparo",
                &["Tư lệnh Bộ Tư lệnh Ấn Độ - Thái Bình Dương"],
            ),
            (
                "Tổng Lãnh sự Nga tại Đà Nẵng Alexey Popov phát biểu.",
                "Alexey Popov",
                &["Tổng Lãnh sự"],
            ),
            (
                "Đại biện lâm thời Mỹ John Smith đã rời nhiệm sở.",
                "John Smith",
                &["Đại biện lâm thời"],
            ),
            // a deputy of the legislature, whose name the legislature's
            // does not swallow
            (
                "Đại biểu Quốc hội Nguyễn Văn Hùng đặt câu hỏi.",
                "Nguyễn Văn Hùng",
                &["Đại biểu Quốc hội"],
            ),
            // an official or a lawmaker, by that word
            (
                "Cựu quan chức Bộ Ngoại giao Mỹ Evans Revere cũng đồng ý.",
                "Evans Revere",
                &["Cựu quan chức Bộ Ngoại giao Mỹ"],
            ),
            (
                "Nhà lập pháp Mỹ Joe Wilson kêu gọi trừng phạt.",
                "Joe Wilson",
                &["Nhà lập pháp"],
            ),
            // a command is an organization, no person between two titles
            (
                "Tướng Christopher Cavoli, Tư lệnh Bộ Chỉ huy châu Âu của Mỹ, cho biết.",
                "Christopher Cavoli",
                &["Tướng", "Tư lệnh Bộ Chỉ huy châu Âu"],
            ),
            (
                "Tổng thống Mỹ đắc cử Donald Trump hôm 19/11 phát biểu.",
                "Donald Trump",
                &["Tổng thống đắc cử"],
            ),
            // a title after the comma that a name with an initial follows
            // is the next person's, no apposition
            (
                "Đoàn có Bộ trưởng Ngoại giao Nga X. Ca-ra-xin, Bộ trưởng Quốc phòng A. Pê-tơ-rốp.",
                "X. Ca-ra-xin",
                &["Bộ trưởng Ngoại giao"],
            ),
            (
                "Đoàn có Bộ trưởng Ngoại giao Nga X. Ca-ra-xin, Bộ trưởng Quốc phòng A. Pê-tơ-rốp.",
                "A. Pê-tơ-rốp",
                &["Bộ trưởng Quốc phòng"],
            ),
            // `thứ nhất` (first) after a title and its field
            (
                "Thứ trưởng Ngoại giao thứ nhất Hàn Quốc Kim Hong-kyun triệu tập đại sứ Nga.",
                "Kim Hong-kyun",
                &["Thứ trưởng Ngoại giao thứ nhất"],
            ),
            // an organization's acronym in brackets inside the chain, before
            // a listed and an unlisted name
            (
                "Giám đốc Cơ quan Tình báo Trung ương Mỹ (CIA) William Burns nói.",
                "William Burns",
                &["Giám đốc Cơ quan Tình báo Trung ương Mỹ"],
            ),
            (
                "Giám đốc Cơ quan Tình báo Quốc gia Hàn Quốc (NIS) Kim Min-soo cho biết.",
                "Kim Min-soo",
                &["Giám đốc Cơ quan Tình báo Quốc gia Hàn Quốc"],
            ),
            // the initial of a listed name does not break its chain
            (
                "Thứ trưởng Ngoại giao Nga A. Rudenko nói.",
                "Andrei Rudenko",
                &["Thứ trưởng Ngoại giao"],
            ),
            // … and the roles before that given name
            (
                "Trợ lý Điện Kremlin Yury Ushakov cho biết.",
                "Yuri Ushakov",
                &["Trợ lý Điện Kremlin"],
            ),
            // a co-chair, in the apposition after the name
            (
                "Ông Alexander Kozlov, đồng chủ tịch Ủy ban liên chính phủ Nga - Triều Tiên, cho biết.",
                "Alexander Kozlov",
                &["đồng chủ tịch Ủy ban liên chính phủ Nga - Triều Tiên"],
            ),
            // former and acting holders keep the word that says so
            (
                "Trước đó, cựu Tổng thống Joe Biden áp đặt trừng phạt.",
                "Joe Biden",
                &["cựu Tổng thống"],
            ),
            (
                "Quyền Tổng thống Hàn Quốc Han Duck-soo chủ trì cuộc họp.",
                "Han Duck Soo",
                &["Quyền Tổng thống"],
            ),
            // … but `quyền` ending a word is no such word: `chính quyền`
            // (the administration), `nhân quyền` (human rights)
            (
                "Nhà Trắng xác nhận chính quyền Tổng thống Donald Trump đã được tham vấn.",
                "Donald Trump",
                &["Tổng thống"],
            ),
            // an honorific or kinship noun before the title keeps it the
            // named person's
            (
                "Hôm qua, bà Tổng thống Dilma Rousseff tới Bắc Kinh.",
                "Dilma Rousseff",
                &["Tổng thống"],
            ),
            (
                "Vợ Tổng thống Ukraine Volodymyr Zelensky tới London.",
                "Volodymyr Zelensky",
                &["Tổng thống"],
            ),
            // a ministry's field after the title, not a name (`Tài` is a
            // Vietnamese given name, `nguyên` a word for former)
            (
                "Bộ trưởng Tài nguyên Thiên nhiên Alexander Kozlov tới Bình Nhưỡng.",
                "Alexander Kozlov",
                &["Bộ trưởng Tài nguyên Thiên nhiên"],
            ),
            (
                "Bộ trưởng Tình trạng Khẩn cấp Nga Alexander Kurenkov phát biểu.",
                "Alexander Kurenkov",
                &["Bộ trưởng Tình trạng Khẩn cấp"],
            ),
            // an apposition after the name, of a former holder
            (
                "Giáo sư Yang Moo-jin, cựu Hiệu trưởng Đại học Nghiên cứu Triều Tiên, nói với Yonhap.",
                "Yang Moo-jin",
                &["Giáo sư", "cựu Hiệu trưởng Đại học Nghiên cứu Triều Tiên"],
            ),
            (
                "Ông Evans Revere, nguyên Phó trợ lý Ngoại trưởng Mỹ, nhận định.",
                "Evans Revere",
                &["nguyên Phó trợ lý Ngoại trưởng"],
            ),
            // an apposition before the name that is a relative's title
            (
                "Em gái nhà lãnh đạo Triều Tiên, bà Kim Yo Jong, chỉ trích Hàn Quốc.",
                "Kim Yo Jong",
                &[],
            ),
            // … and one after the name, whose `và là` (and is) goes on
            // with the person's own title
            (
                "Bà Kim Yo-jong, em gái nhà lãnh đạo Kim Jong-un và là Phó Vụ trưởng Ban Chấp hành Trung ương Đảng Lao động Triều Tiên, ra tuyên bố.",
                "Kim Yo Jong",
                &["Phó Vụ trưởng Ban Chấp hành Trung ương Đảng Lao động Triều Tiên"],
            ),
            (
                "Ông John Smith, cựu binh và là chuyên gia quân sự, nhận định.",
                "John Smith",
                &["chuyên gia quân sự"],
            ),
            // an organization's short name the gazetteer knows is no part
            // of the name after it
            (
                "Chủ tịch Fed Jerome Powell phát biểu tại Washington.",
                "Jerome Powell",
                &["Chủ tịch Fed"],
            ),
            // … and the appositions after that one
            (
                "Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng, phát biểu khai mạc.",
                "Phan Văn Giang",
                &["Đại tướng", "Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Quốc phòng"],
            ),
            // a known organization inside the chain
            (
                "Ngày 26/4, Tổng tham mưu trưởng Các lực lượng vũ trang Nga Valery Gerasimov báo cáo với ông Putin.",
                "Valery Gerasimov",
                &["Tổng tham mưu trưởng Các lực lượng vũ trang Nga"],
            ),
            (
                "Tổng tham mưu trưởng Liên quân Hàn Quốc Kim Myung-soo họp khẩn.",
                "Kim Myung-soo",
                &["Tổng tham mưu trưởng"],
            ),
            // another person of a listed one's family, after a kinship
            // word: the title is the listed relative's
            ("Con gái Tổng thống Mỹ Ivanka Trump tới Seoul.", "Ivanka Trump", &[]),
            // an office that serves another office holds both words, and
            // an office after a rank is a role too
            (
                "Trợ lý Tổng thống Nga Yuri Ushakov cho biết.",
                "Yuri Ushakov",
                &["Trợ lý Tổng thống"],
            ),
            (
                "Ông Mikhail Bogdanov, Đại diện đặc biệt của Tổng thống Nga, tới Damascus.",
                "Mikhail Bogdanov",
                &["Đại diện đặc biệt của Tổng thống"],
            ),
            (
                "Đại tướng Tổng tham mưu trưởng Valery Gerasimov thị sát.",
                "Valery Gerasimov",
                &["Đại tướng", "Tổng tham mưu trưởng"],
            ),
            // a counterpart holds the office of the person before it
            (
                "Ngoại trưởng Triều Tiên Choe Son Hui cùng người đồng cấp Nga Sergei Lavrov tại Moskva.",
                "Sergei Lavrov",
                &["người đồng cấp (Ngoại trưởng)"],
            ),
            (
                "Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng, tiếp người đồng cấp Lào Chansamone Chanyalath.",
                "Chansamone Chanyalath",
                &["người đồng cấp (Bộ trưởng Bộ Quốc phòng)"],
            ),
            // (with no one before it, as written)
            (
                "Người đồng cấp Nga Sergei Lavrov cũng phát biểu.",
                "Sergei Lavrov",
                &["Người đồng cấp"],
            ),
            // the deputy of any office is an office
            (
                "Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng đã hội đàm.",
                "Phan Văn Giang",
                &["Đại tướng", "Ủy viên Bộ Chính trị", "Phó Bí thư Quân ủy Trung ương", "Bộ trưởng Bộ Quốc phòng"],
            ),
            // (a clause after the comma is no apposition)
            (
                "Ông Evans Revere, nguyên Phó trợ lý Ngoại trưởng Mỹ, Tổng thống Trump nói, đã nghỉ hưu.",
                "Evans Revere",
                &["nguyên Phó trợ lý Ngoại trưởng"],
            ),
            // … nor is a title followed by another name: the next person
            // of a list, known or not
            (
                "Lễ duyệt binh có sự tham dự của Thủ tướng Trung Quốc Lý Cường, Phó Chủ tịch Hội đồng An ninh Nga Dmitry Medvedev và Tổng Bí thư Tô Lâm.",
                "Lý Cường",
                &["Thủ tướng"],
            ),
            (
                "Đón đoàn có Thứ trưởng Quốc phòng Park Jae-min, Vụ trưởng Vụ Chính sách Kim Sung-ho và nhiều quan chức khác.",
                "Park Jae-min",
                &["Thứ trưởng Quốc phòng"],
            ),
            // (while an organization's name in the apposition is no person)
            (
                "Ông Go Myong-hyun, nghiên cứu viên cao cấp tại Viện Nghiên cứu Chiến lược Quốc gia Hàn Quốc, nhận định.",
                "Go Myong-hyun",
                &["nghiên cứu viên cao cấp"],
            ),
            // `cử` alone is a verb: the sender's title is not the envoy's
            (
                "Nhà lãnh đạo Triều Tiên cử Ngoại trưởng Choe Son Hui sang Nga.",
                "Choe Son Hui",
                &["Ngoại trưởng"],
            ),
            // words after the title that say which holder: elect,
            // outgoing, interim
            (
                "Tổng thống đắc cử Donald Trump cũng nhận công cho thỏa thuận.",
                "Donald Trump",
                &["Tổng thống đắc cử"],
            ),
            (
                "Thủ tướng sắp mãn nhiệm Olaf Scholz tới Kiev.",
                "Olaf Scholz",
                &["Thủ tướng sắp mãn nhiệm"],
            ),
            (
                "Tổng thống lâm thời Syria Ahmed al-Sharaa tiếp phái đoàn.",
                "Ahmed al-Sharaa",
                &["Tổng thống lâm thời"],
            ),
            (
                "Phó Thủ tướng thường trực Nguyễn Hòa Bình chủ trì cuộc họp.",
                "Nguyễn Hòa Bình",
                &["Phó Thủ tướng thường trực"],
            ),
            // a candidate is no holder
            (
                "Ứng viên tổng thống Kamala Harris phát biểu tại Michigan.",
                "Kamala Harris",
                &["Ứng viên tổng thống"],
            ),
        ];
        for (text, person, want) in table {
            let doc = Prepared::new(text);
            let got = run_all(&doc, &Context::for_tests()).actors;
            let actor = got.iter().find(|a| a.name == *person);
            assert_eq!(
                actor.map(|a| a.roles.clone()),
                Some(want.iter().map(|r| r.to_string()).collect()),
                "{text}"
            );
        }
    }

    #[test]
    fn an_acronym_in_a_title_chain_is_the_organizations() {
        let people = |text: &str| -> Vec<(String, Option<String>, Vec<String>)> {
            let doc = Prepared::new(text);
            run_all(&doc, &Context::for_tests())
                .actors
                .into_iter()
                .filter(|a| a.kind == ActorKind::Person)
                .map(|a| (a.name, a.affiliation, a.roles))
                .collect()
        };
        let row = |name: &str, aff: Option<&str>, role: &str| {
            vec![(
                name.to_string(),
                aff.map(str::to_string),
                vec![role.to_string()],
            )]
        };
        // an acronym no list knows
        assert_eq!(
            people("Chủ tịch FIFA Gianni Infantino phát biểu."),
            row("Gianni Infantino", None, "Chủ tịch FIFA")
        );
        // one the article gave in brackets: its organization's country,
        // and a mention of it
        let text = "Lực lượng Tuần duyên Philippines (PCG) cho biết tàu bị tấn công. \
                    Người phát ngôn PCG Jay Tarriela nói sự việc xảy ra gần bãi cạn.";
        assert_eq!(
            people(text),
            row("Jay Tarriela", Some("PH"), "Người phát ngôn PCG")
        );
        let doc = Prepared::new(text);
        let pcg = run_all(&doc, &Context::for_tests())
            .actors
            .into_iter()
            .find(|a| a.kind == ActorKind::Organization)
            .map(|a| a.mentions.len());
        assert_eq!(pcg, Some(3));
        // no title before it: no person
        assert_eq!(people("Theo FIFA Gianni Infantino đã tới."), vec![]);
    }

    #[test]
    fn organizations_by_head_word_and_acronym() {
        let got = actors(
            "Viện Nghiên cứu Hòa bình Hàn Quốc (KPRI) và Bộ Quốc phòng Ba Lan ra thông báo.",
        );
        let orgs: Vec<_> = got
            .iter()
            .filter(|a| a.1 == ActorKind::Organization)
            .map(|a| (a.0.as_str(), a.2.as_deref()))
            .collect();
        assert_eq!(
            orgs,
            [
                ("Viện Nghiên cứu Hòa bình Hàn Quốc", Some("KR")),
                ("Bộ Quốc phòng Ba Lan", Some("PL"))
            ]
        );
        // a sea or region inside the name, a country at its end
        for (text, name, country) in [
            // a head's later words capitalized either way; a command
            (
                "Tổng Lãnh sự quán Trung Quốc ở Houston bị đóng cửa.",
                "Tổng Lãnh sự quán Trung Quốc",
                "CN",
            ),
            (
                "Bộ Tổng Tham mưu Ba Lan cho biết.",
                "Bộ Tổng Tham mưu Ba Lan",
                "PL",
            ),
            // the prosecution, a domain of three syllables
            (
                "Tên lửa đã bắn vào Kiev, theo Văn phòng Tổng công tố Ukraine.",
                "Văn phòng Tổng công tố Ukraine",
                "UA",
            ),
            (
                "Bộ Chỉ huy Trung tâm Mỹ (CENTCOM) cho biết.",
                "Bộ Chỉ huy Trung tâm Mỹ",
                "US",
            ),
            (
                "Hạm đội Thái Bình Dương Nga thông báo.",
                "Hạm đội Thái Bình Dương Nga",
                "RU",
            ),
            // (a listed fleet keeps its listed name)
            (
                "Hạm đội Phương Bắc Nga thông báo.",
                "Hạm đội Phương Bắc",
                "RU",
            ),
            (
                "Bộ Tư lệnh Ấn Độ - Thái Bình Dương của Mỹ cho biết.",
                "Bộ Tư lệnh Ấn Độ Dương - Thái Bình Dương",
                "US",
            ),
            // a pair of countries ends the name: the first's
            (
                "Bộ Tư lệnh Liên quân Hàn - Mỹ cho biết cuộc tập trận sẽ kéo dài 11 ngày.",
                "Bộ Tư lệnh Liên quân Hàn - Mỹ",
                "KR",
            ),
            (
                "Ủy ban Hỗn hợp Nga – Triều Tiên họp tại Bình Nhưỡng.",
                "Ủy ban Hỗn hợp Nga – Triều Tiên",
                "RU",
            ),
            // lowercase words of the name, up to its acronym
            (
                "Theo Viện Nghiên cứu chiến lược an ninh Hàn Quốc (KISS), Triều Tiên thu lợi lớn.",
                "Viện Nghiên cứu chiến lược an ninh Hàn Quốc",
                "KR",
            ),
            // … or up to a known acronym: that organization's name in other
            // words
            (
                "Theo Viện Nghiên cứu chiến lược quốc phòng Hàn Quốc (KIDA), Triều Tiên thu lợi lớn.",
                "Viện Phân tích Quốc phòng Hàn Quốc",
                "KR",
            ),
            // … through words a name holds before its acronym, and a city's
            // country
            (
                "Theo Viện Nghiên cứu các vấn đề quốc tế Thượng Hải (SIIS), Bắc Kinh thận trọng.",
                "Viện Nghiên cứu các vấn đề quốc tế Thượng Hải",
                "CN",
            ),
            // a head that begins with a title (`Đại sứ`)
            (
                "Đại sứ quán Mỹ tại Hà Nội ra thông cáo.",
                "Đại sứ quán Mỹ",
                "US",
            ),
            (
                "Tổng lãnh sự quán Nga tại Busan đóng cửa.",
                "Tổng lãnh sự quán Nga",
                "RU",
            ),
            // an armed service, though its name is also a title's field
            ("Hải quân Mỹ điều tàu sân bay.", "Hải quân Mỹ", "US"),
            (
                "Không quân Hàn Quốc tập trận với Mỹ.",
                "Không quân Hàn Quốc",
                "KR",
            ),
            // a city inside the name, no country: the city's
            (
                "Đại học Quốc gia Hà Nội tổ chức hội thảo.",
                "Đại học Quốc gia Hà Nội",
                "VN",
            ),
            (
                "Viện Nghiên cứu Chiến lược Bình Nhưỡng nhận định.",
                "Viện Nghiên cứu Chiến lược Bình Nhưỡng",
                "KP",
            ),
            // a unit's number ends its name; `của` gives its country
            (
                "Lữ đoàn Cơ giới 47 của Ukraine đang chiến đấu.",
                "Lữ đoàn Cơ giới 47",
                "UA",
            ),
            ("Sư đoàn số 76 của Nga tấn công.", "Sư đoàn số 76", "RU"),
            // `liên chính phủ` (intergovernmental), lowercase after the head
            (
                "Ủy ban liên chính phủ Nga - Triều Tiên họp tại Moskva.",
                "Ủy ban liên chính phủ Nga - Triều Tiên",
                "RU",
            ),
            // a number inside the name, capitalized words on both sides
            (
                "Bộ Tư lệnh Vùng 2 Hải quân ở Vũng Tàu tổ chức lễ đón.",
                "Bộ Tư lệnh Vùng 2 Hải quân",
                "VN",
            ),
            (
                "Sư đoàn 3 Sao Vàng của Việt Nam được tuyên dương.",
                "Sư đoàn 3 Sao Vàng",
                "VN",
            ),
            // … not a number after the name, nor one before a lowercase word
            ("Sư đoàn 98 của Israel đã rút.", "Sư đoàn 98", "IL"),
            (
                "Quân đội Ukraine đã mất 200 xe tăng tại Bakhmut.",
                "Quân đội Ukraine",
                "UA",
            ),
            // `chủ` belongs to `Dân chủ`, but `chủ trì` ends a name
            (
                "Đảng Dân chủ Hàn Quốc chỉ trích.",
                "Đảng Dân chủ Hàn Quốc",
                "KR",
            ),
            (
                "Bộ Ngoại giao Nga chủ trì cuộc họp.",
                "Bộ Ngoại giao Nga",
                "RU",
            ),
            // a party's head in lowercase, as the news writes foreign ones
            (
                "Đại diện đảng Cấp tiến Mỹ chỉ trích quyết định này.",
                "đảng Cấp tiến Mỹ",
                "US",
            ),
            // lowercase domains inside the name
            (
                "Lực lượng vũ trang Belarus đặt trong tình trạng sẵn sàng.",
                "Lực lượng vũ trang Belarus",
                "BY",
            ),
            (
                "Cơ quan tình báo quân sự Iran cảnh báo.",
                "Cơ quan tình báo quân sự Iran",
                "IR",
            ),
        ] {
            let got = actors(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].0.as_str(), got[0].2.as_deref()),
                (name, Some(country)),
                "{text}"
            );
        }
        // … not `đảng` before a place, nor a party member
        for text in [
            "Các đảng Hàn Quốc đều phản đối.",
            "Ông là đảng viên từ năm 1990.",
        ] {
            assert_eq!(actors(text), [], "{text}");
        }
        // `và` joins two subjects before an acronym, not a name's words
        let got = actors("Bộ Quốc phòng và các đơn vị (BTL) đã tới.");
        assert_eq!(got[0].0, "Bộ Quốc phòng", "{got:?}");
        // compounds that hold a stop word (`không`, `người`) stay inside a
        // name; `thuộc` (belonging to) ends it and names the parent
        let got = actors(
            "Viện Công nghệ Hệ thống Không người lái thuộc Tổng cục Công nghiệp Hàng không Triều Tiên thử nghiệm.",
        );
        assert_eq!(
            got.iter()
                .map(|a| (a.0.as_str(), a.2.as_deref()))
                .collect::<Vec<_>>(),
            [
                ("Viện Công nghệ Hệ thống Không người lái", Some("KP")),
                ("Tổng cục Công nghiệp Hàng không Triều Tiên", Some("KP"))
            ]
        );
        for (text, name) in [
            (
                "Lực lượng Bảo vệ bờ biển Nhật Bản cho biết tàu Trung Quốc đã xâm nhập.",
                "Lực lượng Bảo vệ bờ biển Nhật Bản",
            ),
            (
                "Lực lượng Bảo vệ biên giới Ukraine bắt giữ 5 người.",
                "Lực lượng Bảo vệ biên giới Ukraine",
            ),
            // nuclear and atomic fields
            (
                "Trung tâm Khoa học và Công nghệ hạt nhân sẽ được xây dựng.",
                "Trung tâm Khoa học và Công nghệ hạt nhân",
            ),
            (
                "Viện Năng lượng nguyên tử Việt Nam ký thỏa thuận.",
                "Viện Năng lượng nguyên tử Việt Nam",
            ),
        ] {
            assert_eq!(actors(text)[0].0, name, "{text}");
        }
        let got = actors("Lực lượng Phòng không Nga đánh chặn 20 UAV.");
        assert_eq!(got[0].0, "Lực lượng Phòng không Nga", "{got:?}");
        // `không` that is no part of a compound still ends the name
        let got = actors("Ủy ban Đối ngoại không bình luận.");
        assert_eq!(got[0].0, "Ủy ban Đối ngoại", "{got:?}");
        // a head and a known organization, with an acronym of its own: a
        // body of its own; with the known one's acronym, the known one
        let got = actors_with_mentions("Phó tư lệnh Lực lượng Liên Hợp Quốc (UNC) cho biết.");
        assert!(
            got.iter()
                .any(|a| a.0 == "Lực lượng Liên Hợp Quốc" && a.3.contains(&"UNC".to_string())),
            "{got:?}"
        );
        // a name that ended on its country takes no words after it
        let got = actors("Cục Tác chiến Belarus điều quân đặc nhiệm (BQT).");
        assert_eq!(got[0].0, "Cục Tác chiến Belarus", "{got:?}");
        let got = actors("Hãng tin Reuters (Anh) đưa tin.");
        assert_eq!(got.len(), 1, "{got:?}");
        // (sentence, the organizations found)
        let table: &[(&str, &[&str])] = &[
            // a known one inside a longer name is part of it
            (
                "Ông dự Kỳ họp Ủy ban Liên Chính phủ Việt Nam - Nga về hợp tác kinh tế.",
                &["Ủy ban Liên Chính phủ Việt Nam - Nga"],
            ),
            // … also with `liên` (inter-) in lowercase
            (
                "Ông dự Kỳ họp Ủy ban liên Chính phủ Việt Nam - Nga về hợp tác kinh tế.",
                &["Ủy ban liên Chính phủ Việt Nam - Nga"],
            ),
            // … but a movement or company named with its description is
            // the known one; another head names a part of it
            (
                "Phong trào Hồi giáo Hamas và Hãng Boeing lên tiếng.",
                &["Hamas", "Boeing"],
            ),
            (
                "Ủy ban Quân sự NATO họp tại Brussels.",
                &["Ủy ban Quân sự NATO", "NATO"],
            ),
            // a group
            (
                "Nhóm Giám sát Trừng phạt Đa phương (MSMT) công bố báo cáo đầu tiên.",
                &["Nhóm Giám sát Trừng phạt Đa phương"],
            ),
            // (a group of people is no organization)
            ("Nhóm binh sĩ Triều Tiên đầu tiên đã tới Kursk.", &[]),
            // a people's committee or council with the place it governs
            (
                "Ủy ban nhân dân thành phố Hà Nội đã bố trí 30 màn hình lớn.",
                &["Ủy ban nhân dân thành phố Hà Nội"],
            ),
            (
                "UBND tỉnh Quảng Ninh cho biết đã sơ tán 2.000 hộ dân.",
                &["UBND tỉnh Quảng Ninh"],
            ),
            // `quốc gia` (national), `quốc tế` (international), `tối cao`
            // (supreme) in lowercase inside a name, right after its head too
            (
                "Khối diễu binh tập luyện tại Trung tâm Huấn luyện Quân sự quốc gia 4.",
                &["Trung tâm Huấn luyện Quân sự quốc gia"],
            ),
            (
                "Bản án do Tòa án nhân dân tối cao tuyên.",
                &["Tòa án nhân dân tối cao"],
            ),
            // lowercase syllables continue a Vietnamese word only, not a
            // foreign name (`vận hành`, to operate)
            (
                "Tập đoàn Zarubezhneft vận hành liên doanh Vietsovpetro.",
                &["Tập đoàn Zarubezhneft"],
            ),
            (
                "Tập đoàn Dầu khí Việt Nam và Liên doanh Vietsovpetro ký hợp đồng.",
                &["Tập đoàn Dầu khí Việt Nam", "Liên doanh Vietsovpetro"],
            ),
        ];
        for (text, want) in table {
            let got = actors(text);
            let orgs: Vec<&str> = got
                .iter()
                .filter(|a| a.1 == ActorKind::Organization)
                .map(|a| a.0.as_str())
                .collect();
            assert_eq!(orgs, *want, "{text}");
        }
        let got = actors(
            "Đại tướng Trương Hựu Hiệp, Phó Chủ tịch Quân ủy Trung ương Trung Quốc, cũng có mặt.",
        );
        assert!(
            got.iter().any(|a| a.0 == "Quân ủy Trung ương Trung Quốc"
                && a.1 == ActorKind::Organization
                && a.2.as_deref() == Some("CN")),
            "{got:?}"
        );
    }

    #[test]
    fn short_forms_merge_into_the_nearest_full_name() {
        let got = actors("Nhà lãnh đạo Kim Jong-un gặp ông Kim Geum Chol. Sau đó ông Kim Geum Chol và Tổng thống Putin ăn tối. Ông Kim nói.");
        let names: Vec<_> = got.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(names, ["Kim Jong Un", "Kim Geum Chol", "Vladimir Putin"]);
    }

    #[test]
    fn honorifics_tell_which_person_a_short_form_is() {
        let mentions_of = |got: &[(String, ActorKind, Option<String>, Vec<String>)], name: &str| {
            got.iter()
                .find(|a| a.0 == name)
                .map(|a| a.3.clone())
                .unwrap_or_default()
        };
        // (text, each person and the forms of their mentions)
        // (a person's name, the forms of their mentions)
        type Mentions = (&'static str, &'static [&'static str]);
        let table: &[(&str, &[Mentions])] = &[
            // `bà Kim`: the woman introduced as `bà`, though `Kim Jong-un`
            // is nearer
            (
                "Bà Kim Yo-jong, em gái nhà lãnh đạo Kim Jong-un, chỉ trích Seoul. Bà Kim nói thêm.",
                &[
                    ("Kim Yo Jong", &["Kim Yo-jong", "Kim"]),
                    ("Kim Jong Un", &["Kim Jong-un"]),
                ],
            ),
            // `ông Kim` is never a woman, and prefers no man over another
            (
                "Lãnh đạo Kim Jong Un tiếp bà Kim Yo-jong. Ông Kim nói. Sau đó ông Kim Geum Chol tới.",
                &[
                    ("Kim Jong Un", &["Kim Jong Un", "Kim"]),
                    ("Kim Yo Jong", &["Kim Yo-jong"]),
                ],
            ),
            // a kinship noun says a woman too: `ông Kim` is not the daughter,
            // though she was named last
            (
                "Nhà lãnh đạo Kim Jong-un tới Bắc Kinh cùng con gái Kim Ju Ae. Ông Kim gặp ông Tập.",
                &[
                    ("Kim Jong Un", &["Kim Jong-un", "Kim"]),
                    ("Kim Ju Ae", &["Kim Ju Ae"]),
                ],
            ),
            (
                "Ông Kim Jong-un đi cùng em gái Kim Yo-jong. Bà Kim phát biểu, rồi ông Kim cảm ơn.",
                &[
                    ("Kim Yo Jong", &["Kim Yo-jong", "Kim"]),
                    ("Kim Jong Un", &["Kim Jong-un", "Kim"]),
                ],
            ),
        ];
        for &(text, people) in table {
            let got = actors_with_mentions(text);
            for &(person, want) in people {
                assert_eq!(mentions_of(&got, person), want, "{person} in {text}");
            }
        }
        // the two words before a name, else the last one alone
        let g = crate::gazetteer::builtin();
        assert_eq!(honorific_gender(g, "con trai Kim", 9), Some(false));
        assert_eq!(honorific_gender(g, "thăm con bà Kim", 14), Some(true));
        assert_eq!(honorific_gender(g, "vợ Ri", 5), Some(true));
        assert_eq!(honorific_gender(g, "gặp Kim", 4), None);
        assert_eq!(honorific_gender(g, "Kim", 0), None);
    }

    #[test]
    fn a_two_word_verb_ends_an_organization_name() {
        let got = actors("Bộ Ngoại giao chủ trì cuộc họp báo.");
        assert!(got.iter().any(|a| a.0 == "Bộ Ngoại giao"), "{got:?}");
    }

    #[test]
    fn a_reporting_verb_ends_an_organization_name() {
        let got =
            actors("Chuyên gia Artyom Lukin thuộc Đại học Liên bang Viễn Đông nhận định như vậy.");
        assert!(
            got.iter().any(|a| a.0 == "Đại học Liên bang Viễn Đông"),
            "{got:?}"
        );
        // … and so do verbs of drills and attacks, after a capitalized word
        // whose lowercase syllable would go on (`Dầu khí`); a listed body
        // is its own name and country
        for (text, want) in [
            (
                "Quân khu Miền Đông tập trận ở Viễn Đông.",
                ("Quân khu Miền Đông", None),
            ),
            (
                "Bộ Chỉ huy Phương Nam tấn công vào rạng sáng.",
                ("Bộ Chỉ huy Phương Nam", None),
            ),
            (
                "Hạm đội Phương Bắc tập trận.",
                ("Hạm đội Phương Bắc", Some("RU")),
            ),
        ] {
            let got = actors(text);
            assert!(
                got.iter()
                    .any(|a| a.0 == want.0 && a.2.as_deref() == want.1),
                "{text}: {got:?}"
            );
        }
    }
}
