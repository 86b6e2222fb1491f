use super::*;

/// The codec with nothing carried (no calculator's profile).
fn decode_query(specs: &'static [ParamSpec], query: &str) -> Decoded {
    decode_with(specs, "", query, |_| false)
}

const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "memory_mb",
        label: "Memory",
        kind: Kind::Int { min: 128, max: 10240 },
        default: "1024",
        unit: "MB",
        help: "",
    },
    ParamSpec {
        name: "ratio",
        label: "Ratio",
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "arch",
        label: "Architecture",
        kind: Kind::Choice(&["x86_64", "arm64"]),
        default: "x86_64",
        unit: "",
        help: "",
    },
    ParamSpec { name: "on", label: "On", kind: Kind::Bool, default: "true", unit: "", help: "" },
    ParamSpec { name: "day", label: "Day", kind: Kind::Date, default: "", unit: "", help: "" },
    ParamSpec {
        name: "sizes",
        label: "Sizes",
        kind: Kind::IntList { min: 128, max: 10240 },
        default: "128,256",
        unit: "MB",
        help: "",
    },
];

#[test]
fn defaults_parse() {
    for s in SPECS {
        assert_eq!(s.parse(s.default).unwrap(), s.default_value());
    }
}

/// A whole-number parameter with a large range, as the cost page's requests.
const REQUESTS: ParamSpec = ParamSpec {
    name: "requests",
    label: "Requests",
    kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
    default: "0",
    unit: "",
    help: "",
};

#[test]
fn default_values_write_only_the_version() {
    assert_eq!(Values::defaults(SPECS).to_query(), "v=4");
}

#[test]
fn a_number_too_large_is_out_of_range_not_not_a_number() {
    let spec = REQUESTS;
    for big in ["1e30", "1e400", "99999999999999999999999999"] {
        let e = spec.parse(big).unwrap_err();
        assert!(e.message.contains("out of range"), "{big}: {}", e.message);
    }
    assert!(spec.parse("2s").unwrap_err().message.contains("not a number"));
}

#[test]
fn query_round_trips() {
    let mut v = Values::defaults(SPECS);
    v.set("memory_mb", "512").unwrap();
    v.set("ratio", "0.25").unwrap();
    v.set("arch", "ARM64").unwrap();
    v.set("on", "no").unwrap();
    v.set("day", "2025-08-01").unwrap();
    v.set("sizes", "128, 512,1024").unwrap();
    let q = v.to_query();
    assert_eq!(q, "v=4&memory_mb=512&ratio=0.25&arch=arm64&on=false&day=2025-08-01&sizes=128,512,1024");
    let d = decode_query(SPECS, &format!("?{q}"));
    assert_eq!(d.values, v);
    assert!(d.errors.is_empty() && d.unknown.is_empty());
}

#[test]
fn bad_values_keep_defaults_and_name_the_valid_range() {
    let d = decode_query(SPECS, "memory_mb=NaN&ratio=-1&arch=sparc&on=maybe&day=2025-02-30&sizes=1,2&x=1&theme=dark");
    assert_eq!(d.values, Values::defaults(SPECS));
    assert_eq!(d.errors.len(), 6);
    assert!(d.errors[0].message.contains("from 128 to 10,240"), "{}", d.errors[0].message);
    assert!(d.errors[2].message.contains("one of x86_64, arm64"));
    assert_eq!(d.unknown, vec!["x".to_string()]);
}

#[test]
fn numbers_refuse_nan_infinity_and_garbage() {
    for bad in ["NaN", "inf", "-inf", "", "0x10", "1,5", "12abc", "1e999"] {
        assert_eq!(parse_number(bad), None, "{bad}");
    }
    assert_eq!(parse_number("3e6"), Some(3e6));
    assert_eq!(parse_number("1_000"), Some(1000.0));
}

#[test]
fn numbers_as_people_type_them() {
    for (text, want) in [
        ("20,000,000", 20_000_000.0),
        ("20 000 000", 20_000_000.0),
        ("20\u{a0}000\u{a0}000", 20_000_000.0),
        ("20\u{202f}000", 20_000.0),
        ("1'234'567.5", 1_234_567.5),
        ("20M", 20_000_000.0),
        ("20 M", 20_000_000.0),
        ("1.5k", 1500.0),
        ("1.1k", 1100.0),
        ("2K", 2000.0),
        ("2e7", 2e7),
        ("2bn", 2e9),
        ("3B", 3e9),
        ("-1,000", -1000.0),
        ("1,000.25", 1000.25),
        (" 512 ", 512.0),
    ] {
        assert_eq!(parse_number(text), Some(want), "{text}");
    }
    for bad in [
        "1,5", "20,00", "2,0000", ",000", "1,,000", "1, 000", "1e3k", "k", "M", "20m", "1.5.5k", "1,000.", "--5",
        "1,000,5", "12 34",
    ] {
        assert_eq!(parse_number(bad), None, "{bad}");
    }
}

#[test]
fn ranges_read_with_separators() {
    assert_eq!(grouped(1_000_000_000_000), "1,000,000,000,000");
    assert_eq!(grouped(-1234), "-1,234");
    assert_eq!(grouped(999), "999");
    assert_eq!(fmt_grouped(900_000.0), "900,000");
    assert_eq!(fmt_grouped(0.001), "0.001");
    let spec = REQUESTS;
    assert!(spec.valid_range().contains("from 0 to 1,000,000,000,000"), "{}", spec.valid_range());
    // Typed forms are read; the value (and so the URL) is plain digits.
    assert_eq!(spec.parse("20,000,000").unwrap(), Value::Int(20_000_000));
    assert_eq!(spec.parse("20M").unwrap().to_string(), "20000000");
}

#[test]
fn future_versions_are_reported_and_read_as_current() {
    let d = decode_query(SPECS, "v=99&memory_mb=256");
    assert_eq!(d.version, QUERY_VERSION);
    assert_eq!(d.values.int("memory_mb"), 256);
    assert_eq!(d.errors.len(), 1);
}

#[test]
fn percent_coding_is_lossless() {
    let s = "a b&c=d%e+f/ü";
    assert_eq!(percent_decode(&percent_encode(s)), s);
    assert_eq!(percent_decode("%zz%4"), "%zz%4");
    assert_eq!(percent_decode("%"), "%");
}

#[test]
fn pair_lists_are_checked_and_canonical() {
    let spec = ParamSpec {
        name: "points",
        label: "Points",
        kind: Kind::PairList { min_x: 128, max_x: 10240, max_y: 900_000.0 },
        default: "",
        unit: "",
        help: "",
    };
    assert_eq!(spec.parse(" 128 : 2400.0, 1024:300 ").unwrap(), Value::Text("128:2400,1024:300".into()));
    assert_eq!(spec.parse("").unwrap(), Value::Text(String::new()));
    for bad in ["128", "64:100", "128:-1", "128:NaN", "a:b", "128:1e99"] {
        assert!(spec.parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn flags_follow_the_names() {
    assert_eq!(SPECS[0].flag(), "--memory-mb");
}

#[test]
fn unix_days_become_civil_dates() {
    assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
    assert_eq!(Date::from_unix_days(20_300), Date::new(2025, 7, 31));
    assert_eq!(Date::from_unix_days(20_415), Date::new(2025, 11, 23));
}

#[test]
fn dates_check_the_calendar() {
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2025-02-29").is_none());
    assert!(Date::parse("2025-8-01").is_none());
    assert!(Date::new(2025, 7, 31) < Date::new(2025, 8, 1));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_query_decodes_without_panic(q in ".{0,200}") {
            let _ = decode_query(SPECS, &q);
        }

        #[test]
        fn encoded_values_decode_to_themselves(
            mem in 128i64..=10240, ratio in 0.0f64..=1.0, arm in any::<bool>(), on in any::<bool>(),
            sizes in proptest::collection::vec(128i64..=10240, 1..10)
        ) {
            let mut v = Values::defaults(SPECS);
            v.set("memory_mb", &mem.to_string()).unwrap();
            v.set("ratio", &ratio.to_string()).unwrap();
            v.set("arch", if arm { "arm64" } else { "x86_64" }).unwrap();
            v.set("on", &on.to_string()).unwrap();
            v.set("sizes", &sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(",")).unwrap();
            let d = decode_query(SPECS, &v.to_query());
            prop_assert!(d.errors.is_empty());
            prop_assert_eq!(d.values, v);
        }

        #[test]
        fn percent_round_trip(s in ".{0,64}") {
            prop_assert_eq!(percent_decode(&percent_encode(&s)), s);
        }
    }
}
