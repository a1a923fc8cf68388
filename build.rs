//! Compiles the catalog data file into the core: minified, and without the fields only people need
//! (`sources`, `unverified`, `since`), which the integrity tests check in the original file.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/catalog/linkedin.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("read the catalog");
    let mut catalog: serde_json::Value =
        serde_json::from_str(&text).expect("the catalog is valid JSON");
    if let Some(settings) = catalog.get_mut("settings").and_then(|s| s.as_array_mut()) {
        for setting in settings.iter_mut().filter_map(|s| s.as_object_mut()) {
            for field in ["sources", "unverified", "since"] {
                setting.remove(field);
            }
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.min.json");
    fs::write(
        out,
        serde_json::to_string(&catalog).expect("serialise the catalog"),
    )
    .expect("write the catalog");
}
