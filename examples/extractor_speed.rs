//! Per-extractor throughput on the seed articles, so a slow rule is
//! visible: `cargo run --release --example extractor_speed`.
//!
//! Each stage runs over every seed many times; the figure is MB of article
//! text per second of that stage alone, on one thread.

use corpus::extract::{actors, dates, places, tokens, troops, Context};
use corpus::prepare::Prepared;
use std::time::{Duration, Instant};

fn main() {
    let seeds: Vec<String> = std::fs::read_dir("seeds")
        .expect("run from the repository root")
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).expect("seed"))
        .collect();
    let bytes: usize = seeds.iter().map(String::len).sum();
    let rounds = 200;
    let ctx = Context::for_tests();
    let mut times = [Duration::ZERO; 6];
    let names = [
        "normalize+prepare",
        "tokenize",
        "places",
        "actors",
        "dates",
        "troops",
    ];
    for _ in 0..rounds {
        for text in &seeds {
            let t = Instant::now();
            let doc = Prepared::new(text);
            times[0] += t.elapsed();
            let t = Instant::now();
            let toks = tokens::tokenize(doc.text(), &doc.key, &doc.sentences);
            times[1] += t.elapsed();
            let t = Instant::now();
            let pl = places::find(&doc, &ctx, &toks);
            times[2] += t.elapsed();
            let t = Instant::now();
            let ac = actors::extract(&doc, &ctx, &toks, &pl);
            times[3] += t.elapsed();
            let t = Instant::now();
            let ds = dates::find(&doc, &ctx);
            times[4] += t.elapsed();
            let t = Instant::now();
            let tf = troops::extract(&doc, &ctx, &pl, &ds, &ac.org_countries, &ac.person_spans);
            times[5] += t.elapsed();
            std::hint::black_box(tf);
        }
    }
    let mb = (bytes * rounds) as f64 / 1e6;
    let total: Duration = times.iter().sum();
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
