//! The one integration-test binary: the real `wxdev` against real loopback servers.

mod cases;
mod support;
