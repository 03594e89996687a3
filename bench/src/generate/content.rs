//! What the generated installation is made of: people's names and birth dates, structures'
//! names, document names, ids, and PDF files of a chosen size.

use rand::Rng;

const FIRST_NAMES: &[&str] = &[
    "Amina",
    "John",
    "Fatou",
    "Mamadou",
    "Olena",
    "Ahmad",
    "Sofia",
    "Youssef",
    "Marie",
    "Pierre",
    "Aïcha",
    "Ibrahima",
    "Nadia",
    "Karim",
    "Elena",
    "Mohammed",
    "Zainab",
    "Ali",
    "Irina",
    "Omar",
    "Hélène",
    "François",
    "Léa",
    "Jérôme",
    "Chloé",
    "Raphaël",
    "Mariam",
    "Moussa",
    "Aminata",
    "Oumar",
    "Daria",
    "Sergiy",
    "Oksana",
    "Andriy",
    "Natalia",
    "Bogdan",
    "Ioana",
    "Mihai",
    "Florin",
    "Gabriela",
    "Hamid",
    "Farida",
    "Rachid",
    "Samira",
    "Khadija",
    "Abdoulaye",
    "Awa",
    "Seydou",
    "Kadiatou",
    "Bakary",
    "Thomas",
    "Julie",
    "Nicolas",
    "Camille",
    "Antoine",
    "Sarah",
    "Lucas",
    "Manon",
    "Hugo",
    "Inès",
    "Louis",
    "Emma",
    "Gabriel",
    "Jade",
    "Arthur",
    "Lina",
    "Nour",
    "Rayan",
    "Yasmine",
    "Adam",
    "Salomé",
    "Mehdi",
    "Leïla",
    "Bilal",
    "Asma",
    "Hassan",
    "Habiba",
    "Tariq",
    "Parwana",
    "Zahra",
    "Mustafa",
    "Gul",
    "Farhad",
    "Shirin",
    "Dmitri",
    "Svetlana",
    "Vasyl",
    "Halyna",
    "Carmen",
    "José",
    "Lucía",
    "Javier",
    "Ana",
    "Diego",
    "Rosa",
];

const LAST_NAMES: &[&str] = &[
    "Benali",
    "Okafor",
    "Diallo",
    "Traoré",
    "Kovalenko",
    "Ahmadi",
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "García",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Haddad",
    "Benhamou",
    "Cissé",
    "Koné",
    "Camara",
    "Sow",
    "Bah",
    "Keita",
    "Sylla",
    "Touré",
    "Coulibaly",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Popescu",
    "Ionescu",
    "Dumitru",
    "Stoica",
    "Hosseini",
    "Rahimi",
    "Karimi",
    "Noori",
    "Sultani",
    "Mohammadi",
    "Ivanova",
    "Petrova",
    "Smirnov",
    "Volkov",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Ruiz",
    "Belkacem",
    "Mansouri",
    "Cherif",
    "Saïdi",
    "Amrani",
    "Bouzid",
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Mendy",
    "Faye",
    "Ndiaye",
    "Gueye",
    "Fall",
    "Sarr",
    "Mbaye",
    "Kane",
    "Ba",
    "Sy",
    "Mahamat",
    "Abdallah",
    "Yusuf",
    "Osman",
    "Hussein",
    "Rahman",
    "Khan",
    "Malik",
    "Aziz",
    "Nasser",
];

const CITIES: &[&str] = &[
    "Montreuil",
    "Paris",
    "Saint-Denis",
    "Lyon",
    "Marseille",
    "Lille",
    "Toulouse",
    "Nantes",
    "Bordeaux",
    "Strasbourg",
    "Rennes",
    "Grenoble",
    "Nice",
    "Rouen",
    "Metz",
    "Calais",
    "Bobigny",
    "Créteil",
    "Nanterre",
    "Aubervilliers",
];

const STRUCTURE_KINDS: &[&str] = &[
    "Accueil de jour",
    "CCAS",
    "Centre d'hébergement",
    "Association d'aide",
    "Point d'accès au droit",
    "Maison des solidarités",
    "Espace solidarité insertion",
    "Boutique solidarité",
];

const DOCUMENT_NAMES: &[&str] = &[
    "Carte d'identité",
    "Passeport",
    "Titre de séjour",
    "Récépissé de demande de titre de séjour",
    "Acte de naissance",
    "Livret de famille",
    "Carte Vitale",
    "Attestation de droits CPAM",
    "Attestation CAF",
    "Notification de droits CAF",
    "Avis d'imposition",
    "Attestation de domiciliation",
    "Bulletin de salaire",
    "Contrat de travail",
    "Attestation France Travail",
    "Relevé d'identité bancaire",
    "Quittance de loyer",
    "Facture d'électricité",
    "Ordonnance",
    "Certificat médical",
    "Notification MDPH",
    "Diplôme",
    "Permis de conduire",
    "Jugement",
    "Courrier de la préfecture",
    "Convocation OFPRA",
    "Attestation d'hébergement",
    "Carte de transport solidarité",
];

const PRO_FIRST: &[&str] = &[
    "Claire", "Yanis", "Sophie", "Karim", "Isabelle", "Mathieu", "Nathalie", "Samir", "Laure",
    "Julien", "Anne", "Rachid", "Élodie", "Vincent", "Aurélie", "Bruno",
];

/// A person as her file says.
#[derive(Debug, Clone)]
pub struct PersonName {
    pub first: String,
    pub last: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub language: &'static str,
    pub phone: Option<String>,
}

pub fn person(rng: &mut impl Rng) -> PersonName {
    let first = FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())];
    let year = rng.gen_range(1950..=2006);
    let month = rng.gen_range(1..=12);
    let day = rng.gen_range(1..=28);
    let language = match rng.gen_range(0..100) {
        0..=59 => "fr",
        60..=69 => "en",
        70..=77 => "ar",
        78..=82 => "uk",
        83..=87 => "ru",
        88..=91 => "ro",
        92..=95 => "es",
        96..=97 => "prs",
        _ => "ps",
    };
    let phone = rng.gen_bool(0.6).then(|| {
        format!(
            "06 {:02} {:02} {:02} {:02}",
            rng.gen_range(0..100),
            rng.gen_range(0..100),
            rng.gen_range(0..100),
            rng.gen_range(0..100)
        )
    });
    PersonName {
        first: first.to_owned(),
        last: last.to_owned(),
        birth_date: format!("{year:04}-{month:02}-{day:02}"),
        language,
        phone,
    }
}

pub fn structure_name(rng: &mut impl Rng, n: usize) -> (String, String) {
    let city = CITIES[rng.gen_range(0..CITIES.len())];
    let kind = STRUCTURE_KINDS[rng.gen_range(0..STRUCTURE_KINDS.len())];
    (format!("{kind} de {city} n°{n}"), city.to_owned())
}

pub fn professional_name(rng: &mut impl Rng) -> String {
    let first = PRO_FIRST[rng.gen_range(0..PRO_FIRST.len())];
    let last = LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())];
    format!("{first} {last}")
}

pub fn document_name(rng: &mut impl Rng) -> &'static str {
    DOCUMENT_NAMES[rng.gen_range(0..DOCUMENT_NAMES.len())]
}

/// A random (version 4) UUID drawn from `rng`, so that a seed gives the same ids.
pub fn uuid(rng: &mut impl Rng) -> String {
    let mut b: [u8; 16] = rng.r#gen();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A one-page PDF showing `title` above a scanned-looking grey image whose pixels fill the
/// file to about `size` bytes (the image is what a phone scan of a paper would be).
pub fn pdf(rng: &mut impl Rng, title: &str, size: usize) -> Vec<u8> {
    // ASCII only, no PDF string delimiters: the title goes into a literal string.
    let title: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let width: usize = 1024;
    let height = (size.saturating_sub(1200) / width).max(1);
    let mut pixels = vec![0u8; width * height];
    rng.fill(pixels.as_mut_slice());
    let content =
        format!("q 495 0 0 640 50 60 cm /Im1 Do Q BT /F1 16 Tf 50 760 Td ({title}) Tj ET");
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let dicts = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    for (i, d) in dicts.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{d}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(out.len());
    out.extend_from_slice(
        format!(
            "6 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
            pixels.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&pixels);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    crate::end_pdf(&mut out, &offsets);
    out
}

/// A file size as people's papers have them: from a small PDF to a heavy phone scan.
pub fn document_size(rng: &mut impl Rng) -> i64 {
    let log = rng.gen_range((30_000f64).ln()..(4_000_000f64).ln());
    log.exp() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn uuids_have_the_v4_shape() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let id = uuid(&mut rng);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(uuid_parses(&id));
    }

    fn uuid_parses(s: &str) -> bool {
        s.split('-').map(str::len).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
    }

    #[test]
    fn pdfs_have_about_the_size_asked() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let p = pdf(&mut rng, "Attestation", 200_000);
        assert!(p.len() > 190_000 && p.len() < 210_000, "{}", p.len());
        assert!(p.starts_with(b"%PDF-1.4"));
    }
}
