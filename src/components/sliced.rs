//! Reading a large file in slices, so a page stays responsive.

use super::*;

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
