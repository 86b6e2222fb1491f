//! Browser entry point: installs the panic hook, then mounts the app.
fn main() {
    lambda_lab_app::start();
}
