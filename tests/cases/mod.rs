mod completions;
mod core_vectors;
mod serve;
mod sign_verify;
mod simulate;
