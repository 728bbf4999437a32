//! The ceiling for `serve`'s throughput: the same HTTP stack and accept loop,
//! answering a constant string without looking at the request.
//! Used by bench/run: `cargo run --release --example ceiling -- PORT`.

use wxdev::http::server::{bind, respond, serve, shutdown_signal, TEXT_PLAIN};

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async move {
        let listener = match bind("127.0.0.1", port).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        };
        println!("ceiling: listening on http://{}", listener.local_addr().expect("bound"));
        let handler = |_req| async { respond(hyper::StatusCode::OK, TEXT_PLAIN, "success") };
        serve(listener, handler, shutdown_signal()).await;
    });
}
