mod api;
mod completions;
