//! Bad-input matrix (README: "Checking fixtures, schema, bad input").
