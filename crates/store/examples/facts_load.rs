//! Times loading the in-memory projection of a database: `cargo run --release -p dyad-store
//! --example facts_load -- PATH`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: facts_load DATABASE");
        std::process::exit(2);
    };
    let store = match dyad_store::Store::open_read_only(std::path::Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let started = std::time::Instant::now();
    match store.facts() {
        Ok(f) => println!(
            "{} events loaded in {:.2} s",
            f.len(),
            started.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
