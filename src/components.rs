//! Building blocks shared by every calculator page: the URL-backed state, a
//! labelled native input per parameter with inline validation, and figures
//! that carry `data-metric` / `data-value`.

use lambda_model::calculators::CalcInfo;
use lambda_model::calculators::decode_query;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{
    Kind, PRESENTATION_KEYS, ParamError, ParamSpec, Values, fmt_num, parse_number, parse_pairs,
};
use lambda_site::CalcPage;
use lambda_site::embed::{Layout, Part};
use leptos::prelude::*;

/// How the calculator being built is laid out: the full page unless it was
/// mounted as a compact embed ([`crate::modules::embed_page`]).
pub fn layout() -> Layout {
    use_context::<Layout>().unwrap_or_default()
}

/// The calculator being built, when its mount said (pages and embeds do).
pub fn calc_info() -> Option<&'static CalcPage> {
    use_context::<&'static CalcPage>()
}

/// An embedded calculator's current values as a query, for its "Open in
/// Lambda Lab" link (an embed never writes the address bar).
#[derive(Clone, Copy)]
pub struct EmbedQuery(pub RwSignal<String>);

/// Key inputs already drawn above "All inputs": fields inside skip them.
#[derive(Clone)]
struct DrawnAbove(Vec<&'static str>);

fn drawn_above(name: &str) -> bool {
    use_context::<DrawnAbove>().is_some_and(|d| d.0.contains(&name))
}

/// One part of a calculator (the result, a chart, …): drawn only when the
/// layout shows it. (A plain function, not a component, so the part keeps
/// its own type: erasing every part's type costs kilobytes of wasm.)
pub fn shown<V: IntoView>(part: Part, body: impl FnOnce() -> V) -> Option<impl IntoView> {
    layout().shows(part).then(|| view! { <div class="part" data-part=part.key()>{body()}</div> })
}

/// A calculator's inputs. On its page: the whole form. In a compact embed:
/// the key inputs (drawn here from the state, when there is one), then
/// everything else collapsed under "All inputs". `on_submit` is what Enter
/// in a field does (the simulator runs).
pub fn inputs_form<V: IntoView>(
    label: &'static str,
    calc: Option<(CalcState, Memo<Vec<ParamError>>)>,
    on_submit: Option<Callback<()>>,
    fields: impl FnOnce() -> V,
) -> impl IntoView {
    use leptos::either::EitherOf3;
    let layout = layout();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(f) = on_submit {
            f.run(());
        }
    };
    if !layout.compact {
        return EitherOf3::A(view! { <form class="inputs" on:submit=submit aria-label=label>{fields()}</form> });
    }
    if !layout.shows(Part::Inputs) {
        return EitherOf3::B(());
    }
    let keys = layout.key_inputs.clone();
    let key_fields = calc.map(|(state, cross)| {
        keys.iter()
            .filter_map(|n| state.specs.iter().find(|s| s.name == *n))
            .map(|spec| {
                if spec.name == "requests" {
                    leptos::either::Either::Left(view! { <RequestsField state=state cross=cross /> })
                } else {
                    leptos::either::Either::Right(view! { <Field spec=spec state=state cross=cross /> })
                }
            })
            .collect_view()
    });
    provide_context(DrawnAbove(layout.key_inputs));
    let rest = fields();
    EitherOf3::C(view! {
        <form class="inputs part" data-part="inputs" on:submit=submit aria-label=label>
            <div class="key-inputs">{key_fields}</div>
            <details class="all-inputs">
                <summary>"All inputs"</summary>
                {rest}
            </details>
        </form>
    })
}

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

/// A link that carries this function into another calculator ("Simulate this
/// traffic", "Price this size"). Inside an embed it opens Lambda Lab in a new
/// tab, like every link out of an iframe.
#[component]
pub fn Handoff(
    state: CalcState,
    /// The calculator to open (`&calculators::COST`, …).
    to: &'static CalcInfo,
    #[prop(into)] label: Signal<String>,
    /// Values that replace the profile's (a picked size, a simulated ratio).
    #[prop(into, optional)]
    overrides: Signal<Vec<(&'static str, String)>>,
    #[prop(into, optional)] hint: Signal<String>,
) -> impl IntoView {
    let href = move || overrides.with(|o| state.handoff(to, o));
    let external = state.links_out();
    view! {
        <a class="button handoff" href=href data-handoff=to.name target=external.then_some("_blank") rel=external.then_some("noopener") title=move || hint.with(|h| (!h.is_empty()).then(|| h.clone()))>
            {move || label.get()}
        </a>
    }
}

/// How a figure reads.
#[derive(Clone, Copy, PartialEq)]
pub enum Reading {
    /// Dollars and cents.
    Usd,
    /// Dollars with the digits a per-invocation price needs.
    UsdSmall,
    /// Milliseconds with this many decimals.
    Ms(usize),
    /// A plain number with at most this many decimals.
    Num(usize),
    /// A ratio as a percentage with three decimals.
    Pct,
}

impl Reading {
    pub fn text(self, v: MetricValue) -> String {
        let Some(x) = v.as_f64() else { return "—".into() };
        match self {
            Reading::Usd => crate::format::usd(x),
            Reading::UsdSmall => crate::format::usd_small(x),
            Reading::Ms(d) => format!("{} ms", crate::format::number(x, d)),
            Reading::Num(d) => crate::format::number(x, d),
            Reading::Pct => format!("{:.3}%", x * 100.0),
        }
    }
}

/// One metric of a calculator's metrics, by name.
pub fn metric_of(metrics: Signal<Vec<(&'static str, MetricValue)>>, name: &'static str) -> Signal<MetricValue> {
    Signal::derive(move || {
        metrics.with(|m| m.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or(MetricValue::Missing))
    })
}

/// A row of key figures: (label, metric, how it reads), each a figure
/// carrying `data-metric`/`data-value`.
pub fn kpis(
    metrics: Signal<Vec<(&'static str, MetricValue)>>,
    items: &'static [(&'static str, &'static str, Reading)],
) -> impl IntoView {
    view! {
        <div class="kpis">
            {items
                .iter()
                .map(|(label, name, show)| {
                    let v = metric_of(metrics, name);
                    let show = *show;
                    view! {
                        <div class="kpi">
                            <span class="label">{*label}</span>
                            <span class="value"><FigureValue metric=*name value=v text=Signal::derive(move || show.text(v.get())) /></span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The fields for these parameter names, in order, each a [`Field`].
pub fn fields(state: CalcState, cross: Memo<Vec<ParamError>>, names: &'static [&'static str]) -> impl IntoView {
    names
        .iter()
        .filter_map(|n| state.specs.iter().find(|s| s.name == *n))
        .map(|spec| view! { <Field spec=spec state=state cross=cross /> })
        .collect_view()
}

/// A table that may be wider than the screen: a focusable, labelled region
/// that scrolls sideways (keyboard users can scroll it too).
#[component]
pub fn TableRegion(children: Children) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Table; scroll sideways if it is wider than the screen">
            {children()}
        </div>
    }
}

/// A chart: its canvas (drawn by `chart::drawn`), the sentence describing it
/// (the canvas's accessible name), how to read it, and its data table under a
/// disclosure.
#[component]
pub fn ChartFigure<C: IntoView + 'static>(
    canvas: NodeRef<leptos::html::Canvas>,
    id: &'static str,
    /// The sentence that describes the chart: text, or a closure for a
    /// chart whose result changes in place.
    caption: C,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] short: bool,
    /// The disclosure's label for the table.
    #[prop(optional)]
    table: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <figure class="chart">
            <div class="chart-box" class:short=short><canvas node_ref=canvas role="img" aria-labelledby=id></canvas></div>
            <figcaption id=id data-testid=id>{caption}</figcaption>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {children.map(|c| view! { <details><summary>{table}</summary><TableRegion>{c()}</TableRegion></details> })}
        </figure>
    }
}

/// "Show the math": the arithmetic, notes on AWS's published figures where
/// the scenario is one of them, and the assumptions.
#[component]
pub fn MathDetails(
    math: Signal<String>,
    notes: Signal<Vec<String>>,
    assumptions: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <details class="show-math">
            <summary>"Show the math"</summary>
            <pre class="math" data-testid="math">{move || math.get()}</pre>
            {move || notes.with(|n| (!n.is_empty()).then(|| view! {
                <h3>"Notes on published figures"</h3>
                <ul class="notes">{n.iter().map(|n| view! { <li class="note">{n.clone()}</li> }).collect_view()}</ul>
            }))}
            <h3>"Assumptions"</h3>
            <ul>{move || assumptions.with(|a| a.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view())}</ul>
        </details>
    }
}

/// A figure: its text, with the exact value for scripts and tests.
#[component]
pub fn FigureValue(
    #[prop(into)] metric: String,
    #[prop(into)] value: Signal<MetricValue>,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    view! { <span data-metric=metric data-value=move || value.get().exact()>{move || text.get()}</span> }
}

fn field_error(state: CalcState, cross: Memo<Vec<ParamError>>, name: &'static str) -> Memo<Option<String>> {
    Memo::new(move |_| {
        state
            .draft(name)
            .and_then(|d| d.error)
            .or_else(|| cross.with(|c| c.iter().find(|e| e.param == name).map(|e| e.message.clone())))
    })
}

/// A labelled native input for one parameter, with its hint and error.
#[component]
pub fn Field(spec: &'static ParamSpec, state: CalcState, cross: Memo<Vec<ParamError>>) -> impl IntoView {
    let name = spec.name;
    (!drawn_above(name)).then(|| field(spec, state, cross))
}

fn field(spec: &'static ParamSpec, state: CalcState, cross: Memo<Vec<ParamError>>) -> impl IntoView {
    let name = spec.name;
    let locked = state.is_locked(name);
    let id = format!("p-{name}");
    let hint_id = format!("hint-{name}");
    let err_id = format!("err-{name}");
    let error = field_error(state, cross, name);
    let described = {
        let (h, e) = (hint_id.clone(), err_id.clone());
        move || if error.with(Option::is_some) { format!("{h} {e}") } else { h.clone() }
    };
    let invalid = move || error.with(Option::is_some).to_string();
    let label_text =
        if spec.unit.is_empty() { spec.label.to_string() } else { format!("{} ({})", spec.label, spec.unit) };
    let control = match spec.kind {
        Kind::Bool => view! {
            <input
                type="checkbox"
                id=id.clone()
                name=name
                disabled=locked
                prop:checked=move || state.values.with(|v| v.flag(name))
                on:change=move |ev| state.set_raw(name, event_target_checked(&ev).to_string())
                aria-describedby=described
            />
        }
        .into_any(),
        Kind::Choice(options) => view! {
            <select
                id=id.clone()
                name=name
                disabled=locked
                on:change=move |ev| state.set_raw(name, event_target_value(&ev))
                aria-describedby=described
                aria-invalid=invalid
            >
                {options
                    .iter()
                    .map(|o| view! { <option value=*o selected=move || state.text(name) == *o>{lambda_model::calculators::labels::choice_label(name, o)}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        // Text, numbers, lists and dates: a native input that applies each
        // edit at once and shows the canonical value on blur.
        _ => {
            let date = matches!(spec.kind, Kind::Date);
            view! {
                <input
                    type=if date { "date" } else { "text" }
                    inputmode=(!date).then_some("decimal")
                    min=date.then_some("2020-01-01")
                    max=date.then_some("2100-12-31")
                    autocomplete="off"
                    spellcheck="false"
                    id=id.clone()
                    name=name
                    readonly=locked
                    prop:value=move || state.text(name)
                    on:input=move |ev| state.type_raw(name, event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { state.commit(name) }
                    on:blur=move |_| state.commit(name)
                    aria-describedby=described
                    aria-invalid=invalid
                />
            }
            .into_any()
        }
    };
    // Sliders beside the text field where dragging helps (WCAG 2.5.7: the
    // text field is the non-dragging alternative).
    let slider_range = match (name, spec.kind) {
        ("memory_mb", Kind::Int { min, max }) => Some((min as f64, max as f64, 64.0)),
        ("balanced_weight", Kind::Num { min, max }) => Some((min, max, 0.05)),
        _ => None,
    };
    let slider = slider_range.filter(|_| !locked).map(|(min, max, step)| {
        view! {
            <input
                type="range"
                class="slider"
                min=min
                max=max
                step=step
                aria-label=format!("{} slider", spec.label)
                prop:value=move || state.values.with(|v| v.get(name).to_string())
                on:input=move |ev| {
                    state.set_raw(name, event_target_value(&ev));
                    state.commit(name);
                }
            />
        }
    });
    let is_bool = matches!(spec.kind, Kind::Bool);
    let label = view! { <label for=id>{label_text}</label> };
    view! {
        <div class="field" class:check-field=is_bool class:locked=locked data-param=name>
            {if is_bool { view! { {control} {label} }.into_any() } else { view! { {label} {control} {slider} }.into_any() }}
            <p class="hint" id=hint_id>
                {if spec.help.is_empty() { state.help.map_or("", |h| h(name)) } else { spec.help }}
                {locked.then_some(" Fixed by the page this calculator is embedded in.")}
            </p>
            {move || error.get().map(|e| view! { <p class="error-text" id=err_id.clone()>{e}</p> })}
        </div>
    }
}

/// The requests field, typed per second, minute, hour, day or month.
#[component]
pub fn RequestsField(state: CalcState, cross: Memo<Vec<ParamError>>) -> impl IntoView {
    (!drawn_above("requests")).then(|| requests_field(state, cross))
}

fn requests_field(state: CalcState, cross: Memo<Vec<ParamError>>) -> impl IntoView {
    let name = "requests";
    let locked = state.is_locked(name);
    let error = field_error(state, cross, name);
    let text = move || {
        state.draft(name).map(|d| d.raw).unwrap_or_else(|| {
            let per_month = state.values.with(|v| v.num(name));
            fmt_num((per_month / state.unit.get().per_month() * 1e6).round() / 1e6)
        })
    };
    let described = move || if error.with(Option::is_some) { "hint-requests err-requests" } else { "hint-requests" };
    view! {
        <div class="field" data-param=name>
            <label for="p-requests">"Requests"</label>
            <div class="field-row">
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id="p-requests"
                    name=name
                    readonly=locked
                    prop:value=text
                    on:input=move |ev| state.type_raw(name, event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { state.commit(name) }
                    on:blur=move |_| state.commit(name)
                    aria-describedby=described
                    aria-invalid=move || error.with(Option::is_some).to_string()
                />
                <select
                    aria-label="Requests per"
                    disabled=locked
                    on:change=move |ev| {
                        state.commit(name);
                        state.unit.set(RequestUnit::parse(&event_target_value(&ev)));
                    }
                >
                    {RequestUnit::ALL
                        .into_iter()
                        .map(|u| view! { <option value=u.key() selected=move || state.unit.get() == u>{format!("per {}", u.key())}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="hint" id="hint-requests">
                "All invocations, including any served by provisioned concurrency. A month is 730 hours. "
                <span data-metric="requests" data-value=move || state.values.with(|v| v.int(name).to_string())>
                    {move || format!("= {} per month", crate::format::number(state.values.with(|v| v.num(name)), 0))}
                </span>
            </p>
            {locked.then_some(view! { <p class="hint">"Fixed by the page this calculator is embedded in."</p> })}
            {move || error.get().map(|e| view! { <p class="error-text" id="err-requests">{e}</p> })}
        </div>
    }
}

/// Lists what is wrong, with links to the fields, and says that the result
/// on screen is the last valid one.
#[component]
pub fn ErrorSummary(state: CalcState, cross: Memo<Vec<ParamError>>) -> impl IntoView {
    let items = Memo::new(move |_| {
        let mut out: Vec<(String, String)> =
            state.drafts.with(|d| d.iter().filter_map(|x| x.error.clone().map(|e| (x.param.to_string(), e))).collect());
        cross.with(|c| {
            for e in c {
                if !out.iter().any(|(p, _)| *p == e.param) {
                    out.push((e.param.clone(), e.message.clone()));
                }
            }
        });
        out
    });
    view! {
        {move || {
            let notices = state.notices.get();
            (!notices.is_empty()).then(|| view! { <div class="note" role="status">{notices.join(" ")}</div> })
        }}
        {move || {
            let list = items.get();
            (!list.is_empty()).then(|| view! {
                <div class="error-box" role="alert" data-testid="error-summary">
                    <p><strong>"Some inputs are not valid."</strong></p>
                    <ul>
                        {list.into_iter().map(|(p, m)| view! { <li><a href=format!("#p-{p}")>{m}</a></li> }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

/// Copy link, JSON export and import, reset, and on a calculator's page the
/// Embed dialog. Where the browser refuses (no clipboard, a sandboxed iframe
/// without downloads), the link or the JSON is shown, selected, to copy by hand.
#[component]
pub fn Toolbar(
    state: CalcState,
    calculator: &'static str,
    metrics: Signal<Vec<(&'static str, MetricValue)>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    use crate::embed_view::{copy_text, opaque_origin, select_all};
    let (message, set_message) = signal(String::new());
    // Text to copy by hand when the browser would not copy or download it.
    let (manual, set_manual) = signal(None::<(&'static str, String)>);
    let manual_ref = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if manual.with(Option::is_some)
            && let Some(t) = manual_ref.get()
        {
            select_all(&t);
        }
    });
    let json =
        move || metrics.with(|m| state.values.with(|v| lambda_model::calculators::export::to_json(calculator, v, m)));
    // Reset goes back to where this calculator started: the page's defaults,
    // or the values of the post or lesson it is embedded in.
    let embedded = state.links_out();
    let start = embedded.then(crate::url::query);
    let export_href = Memo::new(move |_| {
        format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&json())))
    });
    let copy = move |_| {
        let link = state.link();
        leptos::task::spawn_local(async move {
            if copy_text(&link).await {
                set_manual.set(None);
                set_message.set("Link copied.".into());
            } else {
                set_message.set(
                    "This browser did not let the page copy. The link is selected below: press Ctrl+C (⌘C on a Mac)."
                        .into(),
                );
                set_manual.set(Some(("Link to these values", link)));
            }
        });
    };
    let export = move |ev: leptos::ev::MouseEvent| {
        if opaque_origin() {
            // Downloads are off in a sandboxed iframe: show the JSON instead.
            ev.prevent_default();
            set_message.set("Downloads are off inside this embed. The scenario's JSON is selected below: copy it and save it as a .json file.".into());
            set_manual.set(Some(("Scenario JSON", json())));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, IMPORT_MAX_BYTES, move |text| {
            match text.and_then(|t| lambda_model::calculators::export::from_json(state.specs, calculator, &t)) {
                Ok(d) => {
                    let problems = d.errors.len() + d.unknown.len();
                    state.replace(d.values, d.errors);
                    set_message.set(if problems == 0 {
                        "Scenario imported.".into()
                    } else {
                        format!("Scenario imported; {problems} value(s) could not be used and kept their defaults.")
                    });
                }
                Err(e) => set_message.set(e),
            }
        });
    };
    view! {
        <div class="toolbar tools">
            <button type="button" on:click=copy>"Copy link"</button>
            <a class="button" href=move || export_href.get() download=format!("lambda-{calculator}-scenario.json") on:click=export>"Export JSON"</a>
            <label class="button file-button">
                "Import JSON"
                <input type="file" accept=".json,application/json" class="sr-only" on:change=import />
            </label>
            {children.map(|c| c())}
            <button type="button" class="reset" on:click=move |_| {
                let values = start.as_deref().map_or_else(|| Values::defaults(state.specs), |q| decode_query(state.specs, q).values);
                state.replace(values, Vec::new());
                set_message.set(if embedded { "Reset to the values it was embedded with." } else { "Reset to the defaults." }.into());
            }>
                "Reset"
            </button>
            <crate::embed_view::EmbedButton state=state status=set_message />
        </div>
        <p role="status" class="hint" data-testid="toolbar-status">{move || message.get()}</p>
        {move || manual.get().map(|(label, text)| view! {
            <div class="field manual-copy">
                <label for="manual-copy">{label}</label>
                <textarea id="manual-copy" node_ref=manual_ref readonly rows="3" data-testid="manual-copy" prop:value=text></textarea>
            </div>
        })}
    }
}

/// The largest scenario file read: an export is a few kilobytes, and one
/// with the longest trace well under this.
const IMPORT_MAX_BYTES: f64 = lambda_model::calculators::export::MAX_SCENARIO_BYTES as f64;

/// Reads the file chosen in an `<input type=file>` as text (clearing the
/// input so choosing the same file again fires again); a file over
/// `max_bytes` is refused unread.
pub fn read_chosen_file(ev: leptos::ev::Event, max_bytes: f64, then: impl FnOnce(Result<String, String>) + 'static) {
    let Some(file) = chosen_file(&ev) else { return };
    if file.size() > max_bytes {
        then(Err(format!(
            "{} is {:.1} MB; a scenario file is at most {:.0} MB (an export is a few KB), so it was not read.",
            file.name(),
            file.size() / 1e6,
            max_bytes / 1e6
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        then(text.ok_or_else(|| "The file could not be read as text; choose it again.".into()));
    });
}

/// The file chosen in an `<input type=file>`, clearing the input so that
/// choosing the same file again fires again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// How much of a file is read between two turns of the page.
const FILE_SLICE_BYTES: f64 = 512.0 * 1024.0;

/// Reads a file of any size a slice at a time (each slice awaited, so the
/// page answers between them), with progress and Cancel. One read at a
/// time: starting another or cancelling abandons the one under way.
#[derive(Clone, Copy)]
pub struct SlicedRead {
    /// Share read, from 0 to 1, while reading.
    pub progress: RwSignal<Option<f64>>,
    generation: StoredValue<u32>,
}

impl SlicedRead {
    pub fn new() -> SlicedRead {
        let read = SlicedRead { progress: RwSignal::new(None), generation: StoredValue::new(0) };
        on_cleanup(move || read.cancel());
        read
    }

    pub fn running(&self) -> bool {
        self.progress.get().is_some()
    }

    /// Abandons the read under way, if any.
    pub fn cancel(&self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.progress.try_set(None);
    }

    /// Feeds `file` to `state` a slice at a time, then hands the state to
    /// `done` (not called when cancelled; an unreadable file gives `Err`).
    pub fn read<S: 'static>(
        &self,
        file: web_sys::File,
        mut state: S,
        feed: impl Fn(&mut S, &[u8]) + 'static,
        done: impl FnOnce(Result<S, String>) + 'static,
    ) {
        self.cancel();
        let generation = self.generation.get_value();
        let (progress, current) = (self.progress, self.generation);
        progress.try_set(Some(0.0));
        leptos::task::spawn_local(async move {
            let size = file.size();
            let mut at = 0.0;
            while at < size {
                let end = (at + FILE_SLICE_BYTES).min(size);
                let read = match file.slice_with_f64_and_f64(at, end) {
                    Ok(blob) => wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await,
                    Err(e) => Err(e),
                };
                if current.try_get_value() != Some(generation) {
                    return;
                }
                let Ok(buffer) = read else {
                    progress.try_set(None);
                    done(Err(format!("The file could not be read after {:.1} MB; choose it again.", at / 1e6)));
                    return;
                };
                feed(&mut state, &js_sys::Uint8Array::new(&buffer).to_vec());
                at = end;
                progress.try_set(Some(at / size.max(1.0)));
            }
            progress.try_set(None);
            done(Ok(state));
        });
    }
}

impl Default for SlicedRead {
    fn default() -> Self {
        SlicedRead::new()
    }
}

/// A calculator's evaluation that keeps its last valid result on screen while
/// an input is invalid, and says which parameters are wrong.
pub struct Evaluation<T: Send + Sync + 'static> {
    pub state: CalcState,
    pub evaluated: Memo<Result<T, Vec<ParamError>>>,
    pub shown: Memo<Option<T>>,
    pub ready: Memo<bool>,
    /// Errors that involve several parameters (from the engine).
    pub cross: Memo<Vec<ParamError>>,
    /// Whether the values have been valid once: until then the figures
    /// beside an error are those of the defaults, not of earlier inputs.
    pub ever_valid: Memo<bool>,
}

impl<T: Send + Sync + 'static> Clone for Evaluation<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Evaluation<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Evaluation<T> {
    /// Evaluates the calculator's values with `f` whenever they change. When
    /// the values are invalid from the start (a bad link), the figures shown
    /// beside the message are those of the same values with the invalid ones
    /// at their defaults, as if they had been typed wrong afterwards.
    pub fn new(
        state: CalcState,
        f: impl Fn(&Values) -> Result<T, Vec<ParamError>> + Send + Sync + 'static,
    ) -> Evaluation<T> {
        let f = std::sync::Arc::new(f);
        let g = f.clone();
        let evaluated = Memo::new(move |_| state.values.with(|v| g(v)));
        let shown = Memo::new(move |prev: Option<&Option<T>>| match evaluated.get() {
            Ok(r) => Some(r),
            Err(errors) => prev.cloned().flatten().or_else(|| {
                let mut v = state.values.get_untracked();
                for e in &errors {
                    if let Some(spec) = state.specs.iter().find(|s| s.name == e.param) {
                        let _ = v.set(spec.name, spec.default);
                    }
                }
                f(&v).ok()
            }),
        });
        Evaluation {
            state,
            evaluated,
            shown,
            ready: Memo::new(move |_| shown.with(Option::is_some)),
            cross: Memo::new(move |_| evaluated.with(|e| e.as_ref().err().cloned().unwrap_or_default())),
            ever_valid: Memo::new(move |prev: Option<&bool>| {
                prev.copied().unwrap_or(false) || evaluated.with(Result::is_ok)
            }),
        }
    }

    /// True while the figures are not those of what the fields say: an
    /// input is invalid, not yet taken, or the engine refuses the mix.
    pub fn stale(self) -> Signal<bool> {
        Signal::derive(move || {
            self.evaluated.with(|e| e.is_err())
                || self.state.drafts.with(|d| d.iter().any(|x| x.pending || x.error.is_some()))
        })
    }

    /// The line above the figures while they are stale: which values they
    /// are for. `data-pending` while typed text waits to be taken.
    fn stale_note(self) -> impl IntoView {
        move || {
            let (pending, bad) = self.state.untaken();
            let refused = self.evaluated.with(|e| e.is_err());
            let earlier = self.ever_valid.get();
            let text = if !bad.is_empty() && earlier {
                format!("For the last valid inputs: {}.", bad.join("; "))
            } else if !bad.is_empty() {
                format!("With the default in place of: {}.", bad.join("; "))
            } else if refused && earlier {
                "For the last valid inputs: the problems listed above are not in these figures.".to_string()
            } else if refused {
                "With the defaults in place of the values listed above.".to_string()
            } else if pending {
                // Typing: the figures dim until the value is taken; no line
                // comes and goes above them on every keystroke.
                return Some(view! { <span hidden data-pending="true"></span> }.into_any());
            } else {
                return None;
            };
            Some(
                view! {
                    <p class="stale-note" role="status" data-testid="stale-note" data-pending=pending.then_some("true")>{text}</p>
                }
                .into_any(),
            )
        }
    }

    /// Mounts `body` once the first valid result exists; afterwards only the
    /// figures inside update, through the memo it receives.
    pub fn view<V: IntoView + 'static>(
        self,
        fallback: &'static str,
        body: impl Fn(Memo<T>) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        move || {
            if self.ready.get() {
                let shown = self.shown;
                let result = Memo::new(move |prev: Option<&T>| {
                    shown.get().or_else(|| prev.cloned()).expect("a result was shown")
                });
                view! { {self.stale_note()} {body(result)} }.into_any()
            } else {
                view! { <p class="error-box">{fallback}</p> }.into_any()
            }
        }
    }
}
