//! The inputs: a labelled native input per parameter with inline
//! validation, the requests field with its unit, and the error summary.

use super::*;

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

/// The fields for these parameter names, in order, each a [`Field`].
pub fn fields(state: CalcState, cross: Memo<Vec<ParamError>>, names: &'static [&'static str]) -> impl IntoView {
    names
        .iter()
        .filter_map(|n| state.specs.iter().find(|s| s.name == *n))
        .map(|spec| view! { <Field spec=spec state=state cross=cross /> })
        .collect_view()
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
