mod completions;
mod crypto;
