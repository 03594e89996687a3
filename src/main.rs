//! The `consigne` binary: every subcommand lives in `consigne::cli`.

fn main() -> std::process::ExitCode {
    consigne::cli::main()
}
