//! Where the member's account is: LinkedIn's settings and defaults differ by region.

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Region {
    /// EU, EEA and Switzerland.
    Eu,
    /// United Kingdom.
    Uk,
    /// Rest of the world.
    Row,
}

crate::names!(Region { Eu => "eu", Uk => "uk", Row => "row" });

/// The region hints (`src/catalog/regions.json`), compiled in by build.rs.
struct RegionHints {
    eu_time_zones: &'static [&'static str],
    uk_time_zones: &'static [&'static str],
    eu_countries: &'static [&'static str],
    uk_countries: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/region_hints.rs"));

/// Best guess of the region from the browser's time zone, then its language tag (e.g. `de-AT`).
/// Only preselects the onboarding choice: the user confirms it.
pub fn guess(time_zone: &str, language: &str) -> Region {
    let data = &REGION_HINTS;
    if data.uk_time_zones.contains(&time_zone) {
        return Region::Uk;
    }
    if data.eu_time_zones.contains(&time_zone) {
        return Region::Eu;
    }
    // A known non-European zone is a stronger hint than the language tag.
    if !time_zone.is_empty()
        && !time_zone.starts_with("Europe/")
        && time_zone != "UTC"
        && time_zone != "Etc/UTC"
    {
        return Region::Row;
    }
    let country = language
        .split(['-', '_'])
        .nth(1)
        .unwrap_or("")
        .to_ascii_uppercase();
    if data.uk_countries.contains(&country.as_str()) {
        Region::Uk
    } else if data.eu_countries.contains(&country.as_str()) {
        Region::Eu
    } else {
        Region::Row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_time_zone_first() {
        assert_eq!(guess("Europe/Berlin", "en-US"), Region::Eu);
        assert_eq!(guess("Europe/Zurich", "de-CH"), Region::Eu);
        assert_eq!(guess("Atlantic/Reykjavik", ""), Region::Eu);
        assert_eq!(guess("Europe/London", "de-DE"), Region::Uk);
        assert_eq!(guess("America/New_York", "de-DE"), Region::Row);
        assert_eq!(guess("Europe/Istanbul", "tr-TR"), Region::Row);
    }

    #[test]
    fn falls_back_to_language_region() {
        assert_eq!(guess("", "de-AT"), Region::Eu);
        assert_eq!(guess("UTC", "en-GB"), Region::Uk);
        assert_eq!(guess("", "en"), Region::Row);
        assert_eq!(guess("", ""), Region::Row);
        assert_eq!(guess("Not/AZone", "fr_FR"), Region::Row);
    }

    #[test]
    fn round_trips_names() {
        for region in [Region::Eu, Region::Uk, Region::Row] {
            assert_eq!(Region::parse(region.as_str()), Some(region));
        }
        assert_eq!(Region::parse("EU"), None);
    }
}
