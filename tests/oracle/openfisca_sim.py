"""The benefit simulator's oracle: OpenFisca-France computes the same situations.

Reads on standard input a JSON list of cases `{"id", "birth_date": "YYYY-MM-DD", "input":
simulation_input}` (the shape of API.md, section "Rights and procedures") and prints a JSON
list `{"id", "rsa", "ppa", "aide_logement", "css_free", "css_participation_forfaitaire"}`:
OpenFisca's monthly amounts in euros for the month asked, and whether the complémentaire santé
solidaire is free (`cmu_c`) or its monthly participation. With `--explain`, each result also
has `explain`: the intermediate variables (EXPLAIN below) for the month. All cases run in one process: the cases of one month share one vectorised OpenFisca
simulation (one case per famille), so a batch costs little more than one case.

How a situation becomes OpenFisca's (docs/simulator.md, "The oracle", says why):
- one famille, one foyer fiscal, one ménage: the person (demandeur / déclarant / personne de
  référence), her partner (conjoint), her children (enfants);
- nationality: fr -> "FR", eu -> "DE" (an EEA country), other -> "MA" (outside it); the partner
  and the children have the person's; `residence_permit_years` -> duree_possession_titre_sejour;
  a refugee is exempt from the residence-permit duration: duree_possession_titre_sejour = 99;
- resources: `monthly` holds M-3, M-2, M-1 (oldest first); the months before them (back to
  M-24: the CSS counts the last twelve months, the housing aid of M-3 the twelve ending at M-5)
  hold their average; month M repeats M-1 (the resource continues: OpenFisca's
  "neutralisation" of a resource stopped in month M never applies); wages -> salaire_net,
  unemployment -> chomage_net, pension -> retraite_nette, aah -> aah, other ->
  prestation_compensatoire (a resource every benefit counts, with no side effect);
- the housing aid counts taxable incomes: salaire_imposable, chomage_imposable and
  retraite_imposable are set to the same amounts as the net ones (the rules' stated estimate);
  a parent with unemployment benefit and no wages in month M is `activite = chomeur`;
- family benefits (af, cf, paje_base, asf, paje_naissance) are set to 0: the rules count
  none (they are an unverified condition: counted once paid);
- housing: homeless and shelter -> statut_occupation_logement = sans_domicile; hosted_free ->
  loge_gratuitement (participation_frais false); tenant -> locataire_vide with loyer and depcom;
- the housing aid's "neutralisation" of activity incomes when the RSA was paid the month
  before (`aide_logement_condition_neutralisation`) is set as an input, from a first pass that
  computes the RSA of M-4 .. M-1 without a housing aid: what OpenFisca's own formula sees when
  the housing aid is asked first (the RSA of the month before asks for the housing aid of that
  month, a loop OpenFisca cuts by giving 0), made the same for every benefit that uses the
  housing aid (without it, the RSA would see the housing aid without neutralisation and the
  housing aid asked alone with it).
"""

import copy
import json
import sys

from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_france import CountryTaxBenefitSystem

NATIONALITY = {"fr": "FR", "eu": "DE", "other": "MA"}
RESOURCE = {
    "wages": "salaire_net",
    "unemployment": "chomage_net",
    "pension": "retraite_nette",
    "aah": "aah",
    "other": "prestation_compensatoire",
    "sick_pay": "indemnites_journalieres_maladie",
}
# The taxable amount the housing aid counts, taken as the net one.
TAXABLE = {
    "wages": "salaire_imposable",
    "unemployment": "chomage_imposable",
    "pension": "retraite_imposable",
}
HISTORY = 24
# The family benefits OpenFisca computes and the RSA, prime d'activité and CSS count.
FAMILY_BENEFITS = ["af", "cf", "paje_base", "asf", "paje_naissance"]
HOUSING = {
    "homeless": "sans_domicile",
    "shelter": "sans_domicile",
    "hosted_free": "loge_gratuitement",
    "tenant": "locataire_vide",
}


def months_before(month, n):
    """The n months before `month` ("YYYY-MM"), oldest first."""
    year, mon = (int(p) for p in month.split("-"))
    out = []
    for back in range(n, 0, -1):
        y, m = year, mon - back
        while m < 1:
            y, m = y - 1, m + 12
        out.append(f"{y:04d}-{m:02d}")
    return out


def situation(case):
    """One case's entities, their names prefixed by the case's id (cases of the same month
    share one vectorised OpenFisca simulation)."""
    inp = case["input"]
    key = str(case["id"])
    month = inp["month"]
    year = months_before(month, HISTORY)
    previous = year[-3:]
    all_months = year + [month]
    nationality = NATIONALITY[inp["nationality"]]
    years = 99.0 if inp.get("refugee") else float(inp.get("residence_permit_years") or 0)

    def person(birth_date, student=False, pregnant=False):
        return {
            "date_naissance": {"ETERNITY": birth_date},
            "nationalite": {m: nationality for m in all_months},
            "duree_possession_titre_sejour": {m: years for m in all_months},
            "etudiant": {m: student for m in all_months},
            "enceinte": {m: pregnant for m in all_months},
        }

    me, partner = f"{key}/self", f"{key}/partner"
    individus = {me: person(case["birth_date"], bool(inp.get("student")), bool(inp.get("pregnant")))}
    parents = [me]
    if inp.get("couple"):
        individus[partner] = person(inp["partner"]["birth_date"])
        parents.append(partner)
    children = []
    for i, child in enumerate(inp.get("children", [])):
        name = f"{key}/child{i}"
        individus[name] = person(child["birth_date"])
        children.append(name)

    for resource in inp.get("resources", []):
        three = [float(v) for v in resource["monthly"]]
        values = {m: sum(three) / 3 for m in year[:-3]}
        values.update(zip(previous, three))
        values[month] = three[-1]
        target = individus[me if resource["who"] == "self" else partner]
        for variable in (RESOURCE[resource["kind"]], TAXABLE.get(resource["kind"])):
            if variable is None:
                continue
            sums = target.setdefault(variable, {})
            for m, v in values.items():
                sums[m] = sums.get(m, 0) + v

    # Unemployed in month M: unemployment benefit and no wages (the CSS then deducts 30 % of
    # the year's wages).
    for name in parents:
        target = individus[name]
        unemployed = target.get("chomage_net", {}).get(month, 0) > 0
        working = target.get("salaire_net", {}).get(month, 0) > 0
        if unemployed and not working:
            target["activite"] = {month: "chomeur"}

    housing = inp["housing"]
    menage = {
        "personne_de_reference": [me],
        "enfants": children,
        "statut_occupation_logement": {m: HOUSING[housing["kind"]] for m in all_months},
    }
    if len(parents) == 2:
        menage["conjoint"] = [partner]
    if housing["kind"] == "hosted_free":
        menage["participation_frais"] = {m: False for m in all_months}
    if housing["kind"] == "tenant":
        menage["loyer"] = {m: float(housing.get("rent") or 0) for m in all_months}
        menage["depcom"] = {m: housing.get("commune_insee") or "" for m in all_months}
    # Family benefits are not simulated: they count only when received (the `family_benefits`
    # resource, which the rules keep out of scope); OpenFisca would grant them on its own
    # assumptions (an ASF to every single parent, for one).
    famille = {"parents": parents, "enfants": children}
    for benefit in FAMILY_BENEFITS:
        famille[benefit] = {m: 0.0 for m in all_months}
    return {
        "individus": individus,
        "familles": {key: famille},
        "foyers_fiscaux": {key: {"declarants": parents, "personnes_a_charge": children}},
        "menages": {key: menage},
    }


# `--explain`: also print, for each case, the intermediate variables of each benefit (to find
# where the Rust rules and OpenFisca part).
EXPLAIN = [
    "rsa_socle", "rsa_socle_majore", "rsa_forfait_logement", "rsa_base_ressources", "rsa_eligibilite",
    "rsa_nb_enfants", "rsa_base_ressources_prestations_familiales", "af", "cf", "paje_base", "asf",
    "ppa_base_ressources_prestations_familiales", "cmu_nbp_foyer", "al_nb_personnes_a_charge",
    "ppa_eligibilite_apprenants", "css_cmu_base_ressources", "cmu_c_plafond",
    "aide_logement_condition_neutralisation",
    "zone_apl", "aide_logement_loyer_plafond", "aide_logement_loyer_retenu",
    "aide_logement_charges", "aide_logement_base_ressources", "aide_logement_R0",
    "aide_logement_taux_famille", "aide_logement_taux_loyer",
    "aide_logement_participation_personnelle", "aide_logement_montant_brut",
]


def main():
    explain = "--explain" in sys.argv[1:]
    cases = json.load(sys.stdin)
    system = CountryTaxBenefitSystem()
    by_month = {}
    for case in cases:
        by_month.setdefault(case["input"]["month"], []).append(case)
    results = {}
    for month, group in sorted(by_month.items()):
        whole = {"individus": {}, "familles": {}, "foyers_fiscaux": {}, "menages": {}}
        parents = {}
        for case in group:
            for entity, members in situation(case).items():
                whole[entity].update(members)
            parents[str(case["id"])] = whole["familles"][str(case["id"])]["parents"]
        history = months_before(month, 4)
        # First pass: the RSA of M-4 .. M-1 without a housing aid.
        first = copy.deepcopy(whole)
        for famille in first["familles"].values():
            famille["aide_logement"] = {m: 0.0 for m in history + [month]}
        sim = SimulationBuilder().build_from_entities(system, first)
        paid = {m: sim.calculate("rsa", m) > 0 for m in history}
        ids = list(sim.populations["famille"].ids)
        for row, key in enumerate(ids):
            for name in parents[key]:
                whole["individus"][name]["aide_logement_condition_neutralisation"] = {
                    m: bool(paid[before][row]) for before, m in zip(history, history[1:] + [month])
                }
        sim = SimulationBuilder().build_from_entities(system, whole)
        ids = list(sim.populations["famille"].ids)
        values = {
            name: sim.calculate(name, month)
            for name in ("rsa", "ppa", "aide_logement", "css_participation_forfaitaire")
        }
        free = sim.calculate("cmu_c", month)
        details = {name: sim.calculate(name, month) for name in EXPLAIN} if explain else {}
        people = list(sim.populations["individu"].ids)
        for row, key in enumerate(ids):
            results[key] = {name: round(float(v[row]), 2) for name, v in values.items()}
            results[key]["css_free"] = bool(free[row])
            if explain:
                # A person's variable is shown for the person herself.
                me = people.index(f"{key}/self")
                results[key]["explain"] = {
                    n: float(v[me if system.variables[n].entity.key == "individu" else row])
                    for n, v in details.items()
                }
    json.dump([{"id": c["id"], **results[str(c["id"])]} for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
