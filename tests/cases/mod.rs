mod completions;
