//! The catalog is data written by hand: these checks keep it consistent.
use super::*;
use std::collections::HashSet;

#[test]
fn parses_and_has_the_required_settings() {
    let catalog = catalog();
    assert_eq!(catalog.schema_version, 1);
    for id in [
        "gen-ai-improvement",
        "ads-affiliates-sharing",
        "ads-beyond-linkedin",
        "ads-advertiser-data",
        "ads-measure-success",
        "research-sharing",
        "gen-ai-objection-form",
    ] {
        assert!(catalog.setting(id).is_some(), "missing {id}");
    }
    assert_eq!(
        catalog.settings[0].id, "gen-ai-improvement",
        "AI training comes first"
    );
}

#[test]
fn ids_importance_urls_and_keys_are_unique() {
    let catalog = catalog();
    let mut ids = HashSet::new();
    let mut importance = HashSet::new();
    let mut urls = HashSet::new();
    let mut keys = HashSet::new();
    for setting in &catalog.settings {
        assert!(ids.insert(&setting.id), "duplicate id {}", setting.id);
        assert!(
            importance.insert(setting.importance),
            "duplicate importance {}",
            setting.importance
        );
        assert!(
            !setting.id.is_empty()
                && setting
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
        );
        for url in std::iter::once(&setting.url).chain(&setting.alt_urls) {
            let parsed = PageUrl::parse(url).unwrap_or_else(|| panic!("bad url {url}"));
            assert!(url.starts_with("https://www.linkedin.com/"), "{url}");
            assert!(parsed.is_linkedin());
            assert!(urls.insert(parsed.path), "url listed twice: {url}");
        }
        for key in &setting.keys {
            assert!(
                keys.insert(key.to_ascii_lowercase()),
                "key listed twice: {key}"
            );
        }
    }
}

#[test]
fn every_language_is_filled() {
    let catalog = catalog();
    assert!(catalog.languages.len() >= 7);
    for lang in ["en", "de", "fr", "es", "nl", "it", "pt"] {
        assert!(
            catalog.languages.iter().any(|l| l == lang),
            "language {lang}"
        );
    }
    for setting in &catalog.settings {
        for lang in &catalog.languages {
            for (field, map) in [
                ("title", &setting.title),
                ("label", &setting.label),
                ("why", &setting.why),
            ] {
                let text = map
                    .get(lang)
                    .unwrap_or_else(|| panic!("{} {field} lacks {lang}", setting.id));
                assert!(
                    !text.trim().is_empty(),
                    "{} {field} {lang} is empty",
                    setting.id
                );
            }
        }
        for lang in setting.aliases.keys() {
            assert!(
                catalog.languages.contains(lang),
                "{} alias language {lang}",
                setting.id
            );
        }
    }
    for (name, category) in &catalog.categories {
        for lang in &catalog.languages {
            assert!(
                category.title.get(lang).is_some_and(|t| !t.is_empty()),
                "category {name} {lang}"
            );
        }
    }
}

#[test]
fn regions_categories_and_values_are_known() {
    let catalog = catalog();
    for setting in &catalog.settings {
        assert!(!setting.regions.is_empty(), "{} has no region", setting.id);
        assert!(
            catalog.categories.contains_key(&setting.category),
            "{} category",
            setting.id
        );
        assert!(
            ["on", "off", "varies"].contains(&setting.default.as_str()),
            "{} default",
            setting.id
        );
        let raw: serde_json::Value = serde_json::from_str(include_str!("linkedin.json")).unwrap();
        let entry = raw["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == setting.id.as_str())
            .unwrap();
        assert!(
            entry["sources"].as_array().is_some_and(|s| !s.is_empty()),
            "{} has no sources",
            setting.id
        );
        for (region, date) in entry["since"].as_object().unwrap() {
            assert!(
                Region::parse(region).is_some(),
                "{} since region {region}",
                setting.id
            );
            if let Some(date) = date.as_str() {
                let parts: Vec<_> = date.split('-').collect();
                assert!(
                    parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
                    "{} date {date}",
                    setting.id
                );
            }
        }
        if setting.kind == SettingKind::Toggle {
            assert_eq!(setting.privacy_value, OnOff::Off, "{}", setting.id);
        }
    }
}

#[test]
fn every_phrase_names_only_its_own_setting() {
    let catalog = catalog();
    let matcher = matcher::Matcher::new(catalog);
    for (index, setting) in catalog.settings.iter().enumerate() {
        for phrase in setting
            .title
            .values()
            .chain(setting.label.values())
            .chain(setting.aliases.values().flatten())
        {
            assert_eq!(
                matcher.exact(phrase),
                Some(index),
                "{}: {phrase}",
                setting.id
            );
        }
    }
}
