//! The URL-backed state of a calculator: values, drafts being typed, the
//! request unit, and writing the address bar.

use super::*;

/// What the visitor typed into one field, kept while it differs from the
/// canonical value (so typing "1." is not rewritten to "1"), with its error.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub param: &'static str,
    pub raw: String,
    pub error: Option<String>,
    /// Typed but not taken yet: the figures and the address follow it once
    /// typing pauses, Enter is pressed or the field is left.
    pub pending: bool,
}

/// How long typing may pause before the value is taken.
pub const TYPING_PAUSE_MS: u64 = 700;

/// How requests are typed. The URL always holds requests per month; a month
/// is 730 hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestUnit {
    Second,
    Minute,
    Hour,
    Day,
    Month,
}

impl RequestUnit {
    pub const ALL: [RequestUnit; 5] = [Self::Second, Self::Minute, Self::Hour, Self::Day, Self::Month];

    pub fn per_month(self) -> f64 {
        match self {
            Self::Second => 730.0 * 3600.0,
            Self::Minute => 730.0 * 60.0,
            Self::Hour => 730.0,
            Self::Day => 730.0 / 24.0,
            Self::Month => 1.0,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Month => "month",
        }
    }

    pub fn parse(s: &str) -> RequestUnit {
        Self::ALL.into_iter().find(|u| u.key() == s).unwrap_or(Self::Month)
    }
}

/// One calculator's state: valid values, drafts, and the requests unit.
#[derive(Clone, Copy)]
pub struct CalcState {
    pub specs: &'static [ParamSpec],
    pub values: RwSignal<Values>,
    pub drafts: RwSignal<Vec<Draft>>,
    pub unit: RwSignal<RequestUnit>,
    /// Things about the URL worth saying (unknown keys, a newer version).
    pub notices: RwSignal<Vec<String>>,
    /// Set when embedded (in a lesson or someone's page). An embedded
    /// calculator never writes the address bar.
    pub embedded: Option<&'static CalcPage>,
    /// Parameters the embedding page fixed (`lock=`): shown read-only, kept
    /// by Reset and import.
    pub locked: StoredValue<Vec<&'static str>>,
    /// Other calculators' function-profile keys from the link, kept in this
    /// page's links and hand-offs (see `lambda_model::calculators::profile`).
    pub carried: StoredValue<Vec<(String, String)>>,
    /// Where the help of a parameter whose spec has none is kept (the cost
    /// parameters': `billing::cost_help`).
    pub help: Option<fn(&str) -> &'static str>,
}

fn drafts_from_errors(specs: &'static [ParamSpec], errors: &[ParamError]) -> Vec<Draft> {
    errors
        .iter()
        .filter_map(|e| {
            let spec = specs.iter().find(|s| s.name == e.param)?;
            Some(Draft { param: spec.name, raw: e.given.clone(), error: Some(e.message.clone()), pending: false })
        })
        .collect()
}

impl CalcState {
    /// Reads the state from the page's query string. Bad values keep their
    /// defaults and show their message in their field.
    pub fn from_url(specs: &'static [ParamSpec]) -> CalcState {
        let q = crate::url::query();
        let d = decode_query(specs, &q);
        let mut notices = Vec::new();
        if !d.unknown.is_empty() {
            notices
                .push(format!("Ignored unknown link parameter(s): {}.", lambda_model::params::name_list(&d.unknown)));
        }
        notices.extend(d.errors.iter().filter(|e| e.param == "v").map(|e| e.message.clone()));
        let unit = crate::url::param("unit").map(|u| RequestUnit::parse(&u)).unwrap_or(RequestUnit::Month);
        let layout = layout();
        notices.extend(layout.notices.iter().cloned());
        CalcState {
            specs,
            values: RwSignal::new(d.values),
            drafts: RwSignal::new(drafts_from_errors(specs, &d.errors)),
            unit: RwSignal::new(unit),
            notices: RwSignal::new(notices),
            embedded: crate::url::embedding(),
            locked: StoredValue::new(layout.locked),
            carried: StoredValue::new(d.carried),
            help: None,
        }
    }

    /// The same state, with the help texts its specs leave out.
    pub fn with_help(self, help: fn(&str) -> &'static str) -> CalcState {
        CalcState { help: Some(help), ..self }
    }

    /// Whether links from this calculator open Lambda Lab in a new tab: it is
    /// embedded in a lesson or someone's page, so they never navigate it.
    pub fn links_out(self) -> bool {
        self.embedded.is_some() || layout().compact
    }

    /// The query for this state: its values, then what it carries.
    pub fn query(self) -> String {
        self.carried.with_value(|c| self.values.with(|v| lambda_model::calculators::profile::query(v, c)))
    }

    /// The site path and query that open `to` with this state: the
    /// function profile, then `overrides`.
    pub fn handoff(self, to: &'static CalcInfo, overrides: &[(&str, String)]) -> String {
        let q = self.carried.with_value(|c| {
            self.values.with(|v| lambda_model::calculators::profile::handoff(v, c, to.specs, overrides))
        });
        format!("{}?{q}", crate::paths::href(to.page))
    }

    /// A link that reopens this state: the address bar, or for an embedded
    /// calculator its own page with its values.
    pub fn link(self) -> String {
        match self.embedded {
            Some(info) => crate::url::page_link(&info.page(), &untrack(|| self.query())),
            None => crate::url::href(),
        }
    }

    /// Keeps the address bar a permalink: `v=4`, every non-default value, the
    /// requests unit, and the page's own presentation keys.
    pub fn sync_url(self) {
        if self.embedded.is_some() {
            // An embed keeps its values for its "Open in Lambda Lab" link.
            if let Some(EmbedQuery(q)) = use_context::<EmbedQuery>() {
                Effect::new(move |_| q.set(self.query()));
            }
            return;
        }
        let keep: Vec<(String, String)> = parse_pairs(&crate::url::query())
            .into_iter()
            .filter(|(k, _)| PRESENTATION_KEYS.contains(&k.as_str()) && k != "v" && k != "unit")
            .collect();
        Effect::new(move |_| {
            let mut q = self.query();
            let unit = self.unit.get();
            if unit != RequestUnit::Month {
                q.push_str(&format!("&unit={}", unit.key()));
            }
            for (k, v) in &keep {
                q.push_str(&format!("&{k}={}", lambda_model::params::percent_encode(v)));
            }
            crate::url::replace_query(&q);
        });
    }

    fn upsert(self, name: &'static str, raw: String, error: Option<String>, pending: bool) {
        self.drafts.update(|d| {
            d.retain(|x| x.param != name);
            d.push(Draft { param: name, raw, error, pending });
        });
    }

    /// Applies text: valid text updates the values; invalid text stays in
    /// the field with its message and the values keep their last valid state.
    pub fn set_raw(self, name: &'static str, raw: String) {
        if name == "requests" && self.unit.get_untracked() != RequestUnit::Month {
            return self.set_requests(raw);
        }
        let mut err = None;
        self.values.update(|v| {
            if let Err(e) = v.set(name, &raw) {
                err = Some(e.message);
            }
        });
        self.upsert(name, raw, err, false);
    }

    /// Requests typed in the chosen unit (per second … per month); the
    /// values always hold requests per month.
    fn set_requests(self, raw: String) {
        let name = "requests";
        let unit = self.unit.get_untracked();
        let error = match parse_number(raw.trim()) {
            Some(x) if x >= 0.0 => {
                let per_month = (x * unit.per_month()).round();
                let mut err = None;
                self.values.update(|v| {
                    if let Err(e) = v.set(name, &fmt_num(per_month)) {
                        err = Some(e.message);
                    }
                });
                err
            }
            _ => {
                let spec = self.specs.iter().find(|s| s.name == name).expect("requests parameter");
                Some(format!(
                    "{} ({name}): \u{201c}{raw}\u{201d} is not a number of requests; use {}.",
                    spec.label,
                    spec.valid_range()
                ))
            }
        };
        self.upsert(name, raw, error, false);
    }

    /// Keeps typed text in its field without taking it: half-typed values
    /// ("2" on the way to "2048", "1e3" on the way to "1e30") never reach
    /// the figures or the link. It is taken once typing pauses
    /// ([`TYPING_PAUSE_MS`]), or at once on Enter or when the field is left
    /// ([`CalcState::commit`]).
    pub fn type_raw(self, name: &'static str, raw: String) {
        self.upsert(name, raw.clone(), None, true);
        set_timeout(
            move || {
                // The calculator may be gone by then (a lesson moved on).
                let still =
                    self.drafts.try_with_untracked(|d| d.iter().any(|x| x.param == name && x.pending && x.raw == raw));
                if still == Some(true) {
                    self.apply(name);
                }
            },
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        );
    }

    /// Takes the field's pending text now.
    pub fn apply(self, name: &'static str) {
        if let Some(d) = self.draft(name).filter(|d| d.pending) {
            self.set_raw(name, d.raw);
        }
    }

    /// Whether the embedding page fixed this parameter.
    pub fn is_locked(self, name: &str) -> bool {
        self.locked.with_value(|l| l.contains(&name))
    }

    /// On Enter or blur: pending text is taken, and a valid draft gives way
    /// to the canonical value.
    pub fn commit(self, name: &'static str) {
        self.apply(name);
        self.drafts.update(|d| d.retain(|x| x.param != name || x.error.is_some()));
    }

    /// The fields whose text is not taken (pending) or not valid, each with
    /// its label and the value the figures still use.
    pub fn untaken(self) -> (bool, Vec<String>) {
        self.drafts.with(|d| {
            let pending = d.iter().any(|x| x.pending);
            let bad = d
                .iter()
                .filter(|x| x.error.is_some())
                .filter_map(|x| {
                    let spec = self.specs.iter().find(|s| s.name == x.param)?;
                    let value = self.values.with(|v| v.get(x.param).to_string());
                    let value = if value.is_empty() { "none".to_string() } else { value };
                    Some(format!(
                        "{} ({}) {value}{}",
                        spec.label,
                        spec.name,
                        if spec.unit.is_empty() { String::new() } else { format!(" {}", spec.unit) }
                    ))
                })
                .collect();
            (pending, bad)
        })
    }

    pub fn draft(self, name: &str) -> Option<Draft> {
        self.drafts.with(|d| d.iter().find(|x| x.param == name).cloned())
    }

    /// The text a field shows: the draft, else the canonical value.
    pub fn text(self, name: &'static str) -> String {
        self.draft(name).map(|d| d.raw).unwrap_or_else(|| self.values.with(|v| v.get(name).to_string()))
    }

    /// Replaces every value (import, reset), clearing the drafts. Locked
    /// parameters keep their values.
    pub fn replace(self, mut values: Values, errors: Vec<ParamError>) {
        let kept: Vec<(&str, String)> = self
            .values
            .with_untracked(|v| self.locked.with_value(|l| l.iter().map(|n| (*n, v.get(n).to_string())).collect()));
        for (n, raw) in kept {
            let _ = values.set(n, &raw);
        }
        let errors = errors.into_iter().filter(|e| !self.is_locked(&e.param)).collect::<Vec<_>>();
        self.values.set(values);
        self.drafts.set(drafts_from_errors(self.specs, &errors));
    }
}
