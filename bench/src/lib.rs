//! Shared pieces of the benchmark (`consigne-bench`) and the durability battery (`durability`).

pub mod cache;
pub mod generate;
// The benchmark runner: load generator, server observation, references, scenarios, report.
pub mod load;
pub mod reference;
pub mod report;
pub mod scenarios;
pub mod server;

/// Ends a PDF whose objects 1..=n start at `offsets`: the cross-reference table and the trailer
/// (object 1 is the catalogue).
pub fn end_pdf(out: &mut Vec<u8>, offsets: &[usize]) {
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
}
