//! The Vietnamese lunisolar calendar (âm lịch): a lunar day and month of a
//! lunar year to the Gregorian day, for dates the text marks `âm lịch`.
//!
//! A lunar month begins on the day (in Vietnam's time zone, UTC+7) of a
//! new moon; month 11 is the one that holds the December solstice; a
//! lunar year with thirteen months between two such months repeats the
//! first month that holds no major solar term (the leap month). The new
//! moons and the sun's longitude are computed with the usual truncated
//! series of astronomical algorithms (Meeus), accurate to minutes for the
//! years news write about, which is enough to know the day.

use chrono::{Datelike, NaiveDate};
use std::f64::consts::PI;

/// Vietnam's time zone (hours from UTC), which decides the day of a new
/// moon near midnight.
const TIME_ZONE: f64 = 7.0;

/// A Gregorian date: year, month, day.
pub type SolarDate = (i32, u32, u32);

/// Mean length of a lunar month (synodic month), in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;

/// The Julian day number of 0000-12-31, the day before chrono's first day
/// of the common era: a Julian day number is chrono's day count plus this.
const JULIAN_DAY_BEFORE_CE: i64 = 1_721_425;

/// The Julian day number of a Gregorian date (none for an invalid date).
fn julian_day(y: i32, m: u32, d: u32) -> Option<i64> {
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(i64::from(date.num_days_from_ce()) + JULIAN_DAY_BEFORE_CE)
}

/// The Gregorian date of a Julian day number.
fn gregorian(jd: i64) -> Option<SolarDate> {
    let days = i32::try_from(jd - JULIAN_DAY_BEFORE_CE).ok()?;
    let date = NaiveDate::from_num_days_from_ce_opt(days)?;
    Some((date.year(), date.month(), date.day()))
}

/// The Julian day (with its fraction, UTC) of the `k`-th new moon after
/// that of 1900-01-01.
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    // mean anomalies of the sun and the moon, the moon's argument of latitude
    let m = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * dr;
    let mp = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * dr;
    let f = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * dr;
    let correction = (0.1734 - 0.000_393 * t) * m.sin() + 0.0021 * (2.0 * m).sin()
        - 0.4068 * mp.sin()
        + 0.0161 * (2.0 * mp).sin()
        - 0.0004 * (3.0 * mp).sin()
        + 0.0104 * (2.0 * f).sin()
        - 0.0051 * (m + mp).sin()
        - 0.0074 * (m - mp).sin()
        + 0.0004 * (2.0 * f + m).sin()
        - 0.0004 * (2.0 * f - m).sin()
        - 0.0006 * (2.0 * f + mp).sin()
        + 0.0010 * (2.0 * f - mp).sin()
        + 0.0005 * (2.0 * mp + m).sin();
    // ΔT, the difference between dynamical and universal time
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd + correction - delta_t
}

/// The day number (local time) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k as f64) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's apparent longitude (radians, 0 to 2π) at Julian day `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let center = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + center) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the twelve major solar terms' sectors (0 to 11, 30° each from
/// the March equinox) the sun is in at the start of local day `day`.
fn solar_sector(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// The index of the new moon that begins lunar month 11 of Gregorian
/// year `y` (the month holding the December solstice).
fn month_11(y: i32) -> Option<i64> {
    // lunations from the new moon of 1900-01-01 (Julian day 2415021)
    let before = (julian_day(y, 12, 31)? as f64 - 2_415_021.0) / SYNODIC_MONTH;
    let k = before.floor() as i64;
    // a new moon after the solstice's sector began starts month 12
    Some(if solar_sector(new_moon_day(k)) >= 9 {
        k - 1
    } else {
        k
    })
}

/// In a lunar year of thirteen months starting with month 11 at new moon
/// `k11`, how many months after it the leap month comes: the first month
/// in which the sun enters no new sector.
fn leap_offset(k11: i64) -> i64 {
    let mut i = 1;
    let mut sector = solar_sector(new_moon_day(k11 + i));
    loop {
        let last = sector;
        i += 1;
        sector = solar_sector(new_moon_day(k11 + i));
        if sector == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The Gregorian date of day `day` of lunar month `month` (1 to 12) of
/// lunar year `year`, of the leap month that repeats `month` when `leap`;
/// `None` when the month has fewer days (a lunar month has 29 or 30), the
/// year repeats no such month, or the values are out of range.
pub fn to_solar(day: u32, month: u32, year: i32, leap: bool) -> Option<SolarDate> {
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) || !(1000..=3000).contains(&year) {
        return None;
    }
    // months 11 and 12 belong to the Gregorian year the lunar year starts in
    let (a11, b11) = if month < 11 {
        (month_11(year - 1)?, month_11(year)?)
    } else {
        (month_11(year)?, month_11(year + 1)?)
    };
    let mut offset = (i64::from(month) + 12 - 11) % 12;
    if b11 - a11 > 12 {
        // thirteen months: the leap month comes `leap_offset` months after
        // month 11 and repeats the one before it; the months from it on
        // are one later
        let leap_at = leap_offset(a11);
        if leap && offset != leap_at - 1 {
            return None;
        }
        if leap || offset >= leap_at {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let start = new_moon_day(a11 + offset);
    let length = new_moon_day(a11 + offset + 1) - start;
    if i64::from(day) > length {
        return None;
    }
    gregorian(start + i64::from(day) - 1)
}

/// The first and last Gregorian dates of lunar month `month` (1 to 12) of
/// lunar year `year` (of its leap repetition when `leap`).
pub fn month_to_solar(month: u32, year: i32, leap: bool) -> Option<(SolarDate, SolarDate)> {
    let first = to_solar(1, month, year, leap)?;
    let last = to_solar(30, month, year, leap).or_else(|| to_solar(29, month, year, leap))?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_days_round_trip() {
        assert_eq!(julian_day(2000, 1, 1), Some(2_451_545));
        for jd in [2_415_021, 2_451_545, 2_460_000, 2_460_676] {
            let (y, m, d) = gregorian(jd).expect("in range");
            assert_eq!(julian_day(y, m, d), Some(jd));
        }
    }

    #[test]
    fn known_lunar_dates() {
        // (lunar day, month, year) → Gregorian, from published calendars
        let table: &[((u32, u32, i32), SolarDate)] = &[
            // Tết, the first day of the year
            ((1, 1, 2022), (2022, 2, 1)),
            ((1, 1, 2023), (2023, 1, 22)),
            ((1, 1, 2024), (2024, 2, 10)),
            ((1, 1, 2025), (2025, 1, 29)),
            ((1, 1, 2026), (2026, 2, 17)),
            // the Mid-Autumn festival, 15/8
            ((15, 8, 2024), (2024, 9, 17)),
            ((15, 8, 2025), (2025, 10, 6)),
            // the Hùng Kings' day, 10/3
            ((10, 3, 2024), (2024, 4, 18)),
            ((10, 3, 2025), (2025, 4, 7)),
            // 2023 repeats month 2: month 3 comes after the leap month
            ((10, 3, 2023), (2023, 4, 29)),
            // 2025 repeats month 6: month 7 comes after it
            ((15, 7, 2025), (2025, 9, 6)),
            // the Kitchen Gods' day, 23/12, is in the next Gregorian year
            ((23, 12, 2024), (2025, 1, 22)),
        ];
        for &((d, m, y), solar) in table {
            assert_eq!(to_solar(d, m, y, false), Some(solar), "{d}/{m}/{y} âm lịch");
        }
    }

    #[test]
    fn days_a_lunar_month_lacks_are_none() {
        assert_eq!(to_solar(31, 1, 2025, false), None);
        assert_eq!(to_solar(0, 1, 2025, false), None);
        assert_eq!(to_solar(1, 13, 2025, false), None);
        // a month of 29 days has no 30th: month 12 of 2024 ends on 2025-01-28
        assert_eq!(to_solar(29, 12, 2024, false), Some((2025, 1, 28)));
        assert_eq!(to_solar(30, 12, 2024, false), None);
    }

    #[test]
    fn a_lunar_month_spans_two_gregorian_months() {
        assert_eq!(
            month_to_solar(1, 2025, false),
            Some(((2025, 1, 29), (2025, 2, 27)))
        );
    }

    #[test]
    fn leap_months() {
        // 2023 repeats month 2, from 2023-03-22; 2025 month 6, from 2025-07-25
        assert_eq!(to_solar(1, 2, 2023, true), Some((2023, 3, 22)));
        assert_eq!(to_solar(1, 6, 2025, true), Some((2025, 7, 25)));
        assert_eq!(to_solar(15, 6, 2025, true), Some((2025, 8, 8)));
        // … and no other month, nor any in a year of twelve months
        assert_eq!(to_solar(1, 3, 2023, true), None);
        assert_eq!(to_solar(1, 6, 2024, true), None);
    }
}
