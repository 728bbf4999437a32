//! The HTTP plumbing shared by everything that listens: the accept loop and
//! the request log writer.

pub mod log;
pub mod server;
