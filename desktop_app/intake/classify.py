"""Which kind of paper this is, from weighted cues in its text.

Cues near the top of the first page (the title) count double. Each kind has
words that only it uses ("feuille de soins", "facture", "ordonnance",
"décompte"); shared words ("prescription", "total") weigh little.
"""

from __future__ import annotations

import re

from desktop_app.intake.layout import Page, fold

_CUES: dict[str, list[tuple[str, float]]] = {
    "care_sheet": [
        (r"feuille[s]? de soins?", 6), (r"cerfa", 2), (r"actes? effectues?", 3),
        (r"signature de l assure", 3), (r"numero d immatriculation", 3), (r"immatriculation", 1),
        (r"paiement de l assure", 2), (r"identification du praticien", 2),
        (r"personne recevant les soins", 3), (r"l assure e? n a pas paye", 2),
    ],
    "invoice": [
        (r"facture", 4), (r"invoice", 4), (r"total ttc", 3), (r"ttc", 1), (r"\bht\b", 1),
        (r"tva", 1), (r"siret", 1), (r"net a payer", 2), (r"montant ttc", 2), (r"avoir", 1),
        (r"code lpp", 2), (r"lpp", 1), (r"reglement", 1), (r"p u", 1), (r"qte|quantite", 1),
    ],
    "prescription": [
        (r"ordonnance", 3), (r"bizone", 4), (r"rpps", 2), (r"affection de longue duree", 2),
        (r"\bald\b", 1), (r"renouvel\w*", 2), (r"qsp", 2), (r"posologie", 2),
        (r"\d+ (?:cp|comprimes?|gelules?|sachets?) (?:par jour|matin|le soir|\d+ fois)", 3),
        (r"pendant \d+ (?:jours?|semaines?|mois)", 2), (r"seances? de", 1),
        (r"\bdr\b|docteur", 1), (r"medecin", 1), (r"sur rendez vous", 1),
        (r"\d+ ?(?:mg|ml|ui|µg|mcg)\b", 2), (r"\d+ (?:tubes?|appareils?|boites?|flacons?|paires?|ampoules?)", 2),
        (r"\b(?:comprimes?|gelules?|sachets?|cp|injections?|applications?|seances?)\b", 1),
        (r"\w+(?:logue|iatre|generaliste)\b", 1), (r"interne des hopitaux", 1),
        (r"carte vitale", 1), (r"fait a [a-z \-]+ le", 1),
    ],
    "statement": [
        (r"decompte", 5), (r"releve de (?:vos )?(?:prestations|remboursements)", 5),
        (r"montant rembourse", 3), (r"rembourse(?:ment)?s?", 1), (r"vire(?:ment)? (?:sur|le)", 1),
        (r"part (?:obligatoire|complementaire)", 1), (r"participation forfaitaire", 2),
        (r"franchise", 1), (r"ameli", 1), (r"prestations? (?:versees|payees)", 3),
        (r"base de remboursement", 1), (r"votre caisse", 1), (r"mutuelle", 1),
    ],
}
_MIN_SCORE = 4.0


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(text))


def classify(pages: list[Page]) -> tuple[str, float]:
    """The kind and a 0..1 confidence (the margin over the runner-up)."""
    if not pages:
        return "other", 0.0
    first = pages[0]
    top_rows = [r for r in first.rows if r.y1 < first.height * 0.25] if first.height else []
    head = _norm("\n".join(r.text for r in top_rows))
    body = _norm("\n".join(p.text for p in pages[:3]))
    scores = {}
    for kind, cues in _CUES.items():
        s = 0.0
        for rx, weight in cues:
            pattern = re.compile(rf"(?<![0-9a-z])(?:{rx})(?![0-9a-z])")
            n = len(pattern.findall(body))
            if n:
                s += weight * min(n, 3) ** 0.5
                if pattern.search(head):
                    s += weight
        scores[kind] = s
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (kind, best), (_, second) = ranked[0], ranked[1]
    if best < _MIN_SCORE:
        return "other", 0.3
    return kind, min(1.0, 0.5 + (best - second) / (2 * best))
