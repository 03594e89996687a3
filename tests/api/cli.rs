//! The operator's commands, run as the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn create_platform_admin_reads_the_password_and_prints_an_otpauth_uri() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bin = env!("CARGO_BIN_EXE_consigne");
    let status = Command::new(bin)
        .args(["migrate", "--data-dir"])
        .arg(&data)
        .status()
        .unwrap();
    assert!(status.success());
    let key = data.join("platform.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    let mut child = Command::new(bin)
        .args([
            "admin",
            "create-platform-admin",
            "--email",
            "ops@operator.example",
            "--data-dir",
        ])
        .arg(&data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"the operator keeps the keys safe\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout
            .trim()
            .starts_with("otpauth://totp/Consigne:ops%40operator.example?secret="),
        "{stdout}"
    );
    // A second time: refused, clearly.
    let mut child = Command::new(bin)
        .args([
            "admin",
            "create-platform-admin",
            "--email",
            "ops@operator.example",
            "--data-dir",
        ])
        .arg(&data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"the operator keeps the keys safe\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    // A weak password is refused.
    let mut child = Command::new(bin)
        .args([
            "admin",
            "create-platform-admin",
            "--email",
            "two@operator.example",
            "--data-dir",
        ])
        .arg(&data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"password\n")
        .unwrap();
    assert!(!child.wait_with_output().unwrap().status.success());
    // A group-readable key file is refused at start.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = Command::new(bin)
            .args(["migrate", "--data-dir"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(!out.status.success());
    }
}

#[test]
fn the_openapi_document_describes_every_api_route() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../src/web/openapi.json")).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let router = [
        include_str!("../../src/web/api/mod.rs"),
        include_str!("../../src/web/api/documents.rs"),
        include_str!("../../src/web/api/organizer.rs"),
        include_str!("../../src/web/api/followups.rs"),
        include_str!("../../src/web/api/certification.rs"),
        include_str!("../../src/web/api/files.rs"),
        include_str!("../../src/web/api/links.rs"),
        include_str!("../../src/web/api/kit.rs"),
        include_str!("../../src/web/api/usage.rs"),
        include_str!("../../src/web/api/partners.rs"),
    ]
    .join("\n");
    let mut routes = 0;
    // Each `.route(` call: its path, then the method routers up to the next call.
    let bodies: Vec<&str> = router
        .split("pub fn router")
        .skip(1)
        .map(|b| b.split("\n}").next().unwrap())
        .collect();
    for chunk in bodies.iter().flat_map(|b| b.split(".route(").skip(1)) {
        let path = chunk.split('"').nth(1).unwrap();
        let full = format!("/api/v1{path}");
        assert!(
            paths.contains_key(&full),
            "{full} missing from openapi.json"
        );
        for method in ["get", "post", "delete", "patch", "put"] {
            if chunk.contains(&format!("{method}(")) {
                assert!(
                    paths[&full].get(method).is_some(),
                    "{method} {full} missing from openapi.json"
                );
            }
        }
        routes += 1;
    }
    assert!(routes >= 30);
}

/// Every enumeration of interface languages in the OpenAPI document is exactly the list the
/// catalogues cover, in the picker's order.
#[test]
fn the_openapi_document_lists_the_supported_languages() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../src/web/openapi.json")).unwrap();
    let expected: Vec<serde_json::Value> = consigne::i18n::SUPPORTED
        .iter()
        .map(|l| serde_json::json!(l))
        .collect();
    assert_eq!(
        doc["components"]["schemas"]["LanguageCode"]["enum"].as_array(),
        Some(&expected)
    );
    let passphrase = &doc["paths"]["/api/v1/passphrase"]["get"]["parameters"][0]["schema"];
    assert_eq!(passphrase["enum"].as_array(), Some(&expected));
}
