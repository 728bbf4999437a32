mod completions;
mod core_vectors;
mod crypto;
mod serve;
mod sign_verify;
mod simulate;
