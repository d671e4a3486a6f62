//! `newsnorm check` and `--update`.
