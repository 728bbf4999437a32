mod completions;
mod core_vectors;
mod crypto;
mod load;
mod modes;
mod serve;
mod sign_verify;
mod simulate;
