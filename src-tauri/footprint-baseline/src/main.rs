//! The smallest Tauri 2 app that does what a measured Offerwright run does:
//! open a window, say when it is ready, answer a read and a write command.

use std::sync::Mutex;

#[tauri::command]
fn ping() -> &'static str {
    "pong"
}

#[tauri::command]
fn remember(state: tauri::State<'_, Mutex<String>>, text: String) {
    if let Ok(mut kept) = state.lock() {
        *kept = text;
    }
}

fn main() {
    tauri::Builder::default()
        .manage(Mutex::new(String::new()))
        .invoke_handler(tauri::generate_handler![ping, remember])
        .run(tauri::generate_context!())
        .expect("the baseline window runs");
}
