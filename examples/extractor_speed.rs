//! Per-stage throughput, so a slow rule is visible:
//! `cargo run --release --example extractor_speed [FOLDER] [ROUNDS]`.
//!
//! Each stage runs over every `.txt` file of the folder (default `seeds`,
//! recursively) `ROUNDS` times (default 200 for the seeds; give fewer for
//! a large folder); the figure is MB of article text per second of that
//! stage alone, on one thread, and its share of the time. Place matching
//! is split into the gazetteer look-up (`places: gazetteer`) and the rules
//! around it, and so are actors (`actors: gazetteer` is the title and
//! actor look-ups).

use corpus::extract::{actors, dates, places, tokens, troops, Context};
use corpus::prepare::Prepared;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn texts_in(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            texts_in(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let rounds: usize = args.next().map_or(200, |r| r.parse().expect("ROUNDS"));
    let mut paths = Vec::new();
    texts_in(&dir, &mut paths);
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = Context::for_tests();
    let names = [
        "normalize+prepare",
        "tokenize",
        "places: gazetteer",
        "places: rules",
        "actors: gazetteer",
        "actors: rules",
        "dates",
        "troops",
    ];
    let mut times = [Duration::ZERO; 8];
    let g = ctx.gazetteer;
    for _ in 0..rounds {
        for text in &texts {
            let t = Instant::now();
            let doc = Prepared::new(text);
            times[0] += t.elapsed();
            let t = Instant::now();
            let toks = tokens::tokenize(doc.text(), &doc.key, &doc.sentences);
            times[1] += t.elapsed();
            let from = doc.header.body_start;
            let t = Instant::now();
            std::hint::black_box(g.find_places(doc.text(), &doc.key, &doc.key_words, from));
            times[2] += t.elapsed();
            let t = Instant::now();
            let pl = places::find(&doc, &ctx, &toks);
            times[3] += t.elapsed();
            let t = Instant::now();
            std::hint::black_box(g.find_titles(&doc.key, &doc.key_words, from));
            std::hint::black_box(g.find_actors(doc.text(), &doc.key, &doc.key_words, from));
            times[4] += t.elapsed();
            let t = Instant::now();
            let ac = actors::extract(&doc, &ctx, &toks, &pl);
            times[5] += t.elapsed();
            let t = Instant::now();
            let ds = dates::find(&doc, &ctx);
            times[6] += t.elapsed();
            let t = Instant::now();
            let tf = troops::extract(&doc, &ctx, &pl, &ds, &ac.org_countries, &ac.person_spans);
            times[7] += t.elapsed();
            std::hint::black_box(tf);
        }
    }
    // the look-ups ran twice: once alone, once inside their stage
    times[3] = times[3].saturating_sub(times[2]);
    times[5] = times[5].saturating_sub(times[4]);
    let mb = (bytes * rounds) as f64 / 1e6;
    let total: Duration = times.iter().sum();
    println!(
        "{} files, {:.1} MB, {rounds} rounds",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!("{:<20} {:>10} {:>8}", "stage", "MB/s", "share");
    for (name, t) in names.iter().zip(times) {
        println!(
            "{:<20} {:>10.1} {:>7.0}%",
            name,
            mb / t.as_secs_f64(),
            100.0 * t.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!("{:<20} {:>10.1}", "all stages", mb / total.as_secs_f64());
}
