//! A rough throughput check, ignored by default because it only means something in release:
//! `cargo test -p dyad-text --release --test throughput -- --ignored --nocapture`.

use std::time::Instant;

use dyad_text::{split_sentences, tokenize, Lang};

const DATA: &str = include_str!("data/langid.tsv");

#[test]
#[ignore = "measures speed; run in release"]
fn tokenize_is_fast() {
    let mut text = String::new();
    while text.len() < 8 << 20 {
        for (k, line) in DATA.lines().enumerate() {
            text.push_str(line.split_once('\t').map_or(line, |(_, s)| s));
            // Every third sentence ends a paragraph.
            text.push(if k % 3 == 2 { '\n' } else { ' ' });
        }
    }
    // Documents of a few kilobytes, as in a news feed.
    let docs: Vec<&str> = text.split_inclusive('\n').collect();
    let docs: Vec<&str> = docs
        .chunks(8)
        .map(|c| {
            let start = c[0].as_ptr() as usize - text.as_ptr() as usize;
            let len: usize = c.iter().map(|d| d.len()).sum();
            &text[start..start + len]
        })
        .collect();
    let mb = text.len() as f64 / (1 << 20) as f64;
    let start = Instant::now();
    let n: usize = docs.iter().map(|d| tokenize(d).len()).sum();
    let secs = start.elapsed().as_secs_f64();
    let tokenize_speed = mb / secs;
    println!("tokenize: {n} tokens, {tokenize_speed:.0} MB/s");
    let start = Instant::now();
    let s: usize = docs
        .iter()
        .map(|d| split_sentences(d, Lang::It).len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!("split_sentences: {s} sentences, {:.0} MB/s", mb / secs);
    assert!(tokenize_speed > 10.0);
}
