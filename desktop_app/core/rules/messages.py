"""The plain-language sentences the rules build, in English and French.

One table, keyed by message id, with an "en" and an "fr" template each (str.format names). Rule
files carry their own texts (resources/rules/completeness.json); this table holds the sentences
built in code: next actions, estimate notes, refused track steps, household checks.

English is the source language: a text missing in the asked language falls back to English, then
to the first language present, so a rule file edited by a user with English texts only still works
in French. Amounts and dates follow the language: "182.94" / "2025-07-24" in English (unchanged
from before texts were translated), "182,94 €" / "24/07/2025" in French.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from desktop_app.core import formatting

LANGUAGES = ("en", "fr")
DEFAULT = "en"

MESSAGES: dict[str, dict[str, str]] = {
    # --- payers, as they read inside a sentence (payer.the.*), alone (payer.track.*), as a
    # heading (payer.label.*): their names are core/formatting.py's ------------------------------
    **formatting.payer_messages(),
    # --- next action on a track (core/rules/tracks.py) -------------------------------------------
    "track.direct": {
        "en": "Nothing to do: {who} pays the professional directly (tiers payant).",
        "fr": "Rien à faire : {who} paie directement le professionnel (tiers payant).",
    },
    "track.not_covered": {
        "en": "Nothing to claim from the CPAM: it does not cover this care.",
        "fr": "Rien à demander à la CPAM : elle ne rembourse pas ces soins.",
    },
    "track.electronic_wait": {
        "en": "Nothing to send: the professional sent the care sheet electronically (carte "
        "Vitale) on {sent_on}. Wait for the CPAM until {due}, then follow up.",
        "fr": "Rien à envoyer : le professionnel a transmis la feuille de soins électronique "
        "(carte Vitale) le {sent_on}. Attendez le paiement de la CPAM jusqu'au {due}, puis "
        "relancez-la.",
    },
    "track.electronic_late": {
        "en": "Follow up with the CPAM: the care sheet went electronically on {sent_on} and should "
        "have been paid by {due}. Check your account on ameli.fr first.",
        "fr": "Relancez la CPAM : la feuille de soins électronique est partie le {sent_on} et "
        "aurait dû être payée au plus tard le {due}. Vérifiez d'abord votre compte ameli.",
    },
    "track.closed": {
        "en": "Nothing to do: the {track} track is closed.",
        "fr": "Rien à faire : le suivi {track} est clos.",
    },
    "track.closed_received": {
        "en": "Nothing to do: the {track} track is closed ({amount} received).",
        "fr": "Rien à faire : le suivi {track} est clos ({amount} reçus).",
    },
    "track.rejected": {
        "en": "{Who} rejected the claim ({reason}): fix it and send it again, or close the track.",
        "fr": "{Who} a rejeté la demande ({reason}) : corrigez-la et renvoyez-la, "
        "ou clôturez le suivi.",
    },
    "track.underpaid": {
        "en": "{Who} paid {got} of the {expected} expected: check the statement, then follow up "
        "or close the track.",
        "fr": "{Who} a versé {got} sur les {expected} attendus : vérifiez le décompte, puis "
        "relancez-la ou clôturez le suivi.",
    },
    "track.paid": {
        "en": "{Who} paid {got}: close the track.",
        "fr": "{Who} a versé {got} : clôturez le suivi.",
    },
    "track.complete": {
        "en": "Complete the claim: {action}{more}.",
        "fr": "Complétez la demande : {action}{more}.",
    },
    "track.more.one": {"en": " (and {count} more)", "fr": " (et {count} autre chose)"},
    "track.more.many": {"en": " (and {count} more)", "fr": " (et {count} autres choses)"},
    "track.wait_undated": {
        "en": "Wait for {who}, then follow up.",
        "fr": "Attendez le paiement de {who}, puis relancez-la.",
    },
    "track.noemie_late": {
        "en": "Follow up with the mutuelle: the CPAM paid on {paid_on} and NOEMIE should have "
        "brought the mutuelle's payment by {due}.",
        "fr": "Relancez la mutuelle : la CPAM a payé le {paid_on} et, par NOEMIE, le paiement de "
        "la mutuelle aurait dû arriver au plus tard le {due}.",
    },
    "track.noemie_wait": {
        "en": "Wait for the mutuelle (NOEMIE) until {due}, then follow up.",
        "fr": "Attendez le paiement de la mutuelle (NOEMIE) jusqu'au {due}, puis relancez-la.",
    },
    "track.late": {
        "en": "Follow up with {who}: sent on {sent_on}, still not paid after {days} days.",
        "fr": "Relancez {who} : demande envoyée le {sent_on}, toujours pas payée au bout de "
        "{days} jours.",
    },
    "track.wait": {
        "en": "Wait for {who} until {due}, then follow up.",
        "fr": "Attendez le paiement de {who} jusqu'au {due}, puis relancez-la.",
    },
    "send.before": {"en": " before {deadline}", "fr": " avant le {deadline}"},
    "send.cpam": {
        "en": "Send {documents} to the CPAM{before}.",
        "fr": "Envoyez {documents} à la CPAM{before}.",
    },
    "send.noemie_nothing": {
        "en": "Nothing to send: once the CPAM has paid, it forwards the claim to the mutuelle "
        "(NOEMIE), which pays about 48 h later.",
        "fr": "Rien à envoyer : une fois qu'elle a payé, la CPAM transmet la demande à la mutuelle "
        "(NOEMIE), qui paie environ 48 h plus tard.",
    },
    "send.mutuelle_after_cpam": {
        "en": "Once the CPAM has paid, send {documents} to the mutuelle{before}.",
        "fr": "Une fois que la CPAM a payé, envoyez {documents} à la mutuelle{before}.",
    },
    "send.mutuelle": {
        "en": "Send {documents} to the mutuelle{before}.",
        "fr": "Envoyez {documents} à la mutuelle{before}.",
    },
    "doc.care_sheet": {"en": "the care sheet", "fr": "la feuille de soins"},
    "doc.prescription": {"en": "the original prescription", "fr": "l'ordonnance originale"},
    "doc.statement": {"en": "the CPAM statement", "fr": "le décompte de la CPAM"},
    "doc.invoice": {"en": "the invoice", "fr": "la facture"},
    "doc.attestation_droits": {"en": "the attestation de droits", "fr": "l'attestation de droits"},
    "doc.rib": {"en": "a RIB", "fr": "un RIB"},
    "list.and": {"en": " and ", "fr": " et "},
    # --- refused track steps (UserError) ----------------------------------------------------------
    "state.incomplete": {"en": "incomplete", "fr": "incomplète"},
    "state.ready": {"en": "ready", "fr": "prête"},
    "state.sent": {"en": "sent", "fr": "envoyée"},
    "state.paid": {"en": "paid", "fr": "payée"},
    "state.rejected": {"en": "rejected", "fr": "rejetée"},
    "state.closed": {"en": "closed", "fr": "close"},
    "state.direct": {"en": "direct", "fr": "directe"},
    "state.not_covered": {"en": "not covered", "fr": "non remboursée"},
    "refused.not_covered": {
        "en": "{verb}: the CPAM does not cover this care; nothing to send it or receive from it",
        "fr": "{verb} : la CPAM ne rembourse pas ces soins ; rien à lui envoyer ni à en recevoir",
    },
    "undo.automatic.cpam": {
        "en": "nobody recorded this step: the professional sent the care sheet electronically "
        "(carte Vitale). If you have a paper care sheet to post, set the claim's billing to paper",
        "fr": "cette étape n'a été indiquée par personne : le professionnel a transmis la feuille "
        "de soins électronique (carte Vitale). Si vous avez une feuille papier à envoyer, "
        "indiquez une facturation papier dans la demande",
    },
    "undo.automatic.mutuelle": {
        "en": "nobody recorded this step: the CPAM paid the professional (tiers payant) and tells "
        "the mutuelle by NOEMIE. If the mutuelle is not linked, change the person's NOEMIE setting",
        "fr": "cette étape n'a été indiquée par personne : la CPAM a payé le professionnel (tiers "
        "payant) et prévient la mutuelle par NOEMIE. Si la mutuelle n'est pas reliée, modifiez "
        "le réglage NOEMIE de la personne",
    },
    "refused.verb": {"en": "cannot mark {state}", "fr": "impossible d'indiquer « {state} »"},
    "refused.direct_event": {
        "en": "a track is 'direct' only through the claim's tiers payant setting",
        "fr": "un suivi n'est « direct » que par le réglage tiers payant de la demande",
    },
    "refused.direct": {
        "en": "{verb}: {who} pays the professional directly (tiers payant); "
        "nothing to send or receive",
        "fr": "{verb} : {who} paie directement le professionnel (tiers payant) ; "
        "rien à envoyer ni à recevoir",
    },
    "refused.closed": {
        "en": "{verb}: the {track} track is closed (undo the closing first)",
        "fr": "{verb} : le suivi {track} est clos (annulez d'abord la clôture)",
    },
    "refused.already_sent": {
        "en": "{verb}: the claim was already sent to {who}",
        "fr": "{verb} : la demande a déjà été envoyée à {who}",
    },
    "refused.already_paid_undo": {
        "en": "{verb}: {who} has already paid (undo the payment first)",
        "fr": "{verb} : {who} a déjà payé (annulez d'abord le paiement)",
    },
    "refused.already_paid": {
        "en": "{verb}: {who} has already paid",
        "fr": "{verb} : {who} a déjà payé",
    },
    "refused.not_sent": {
        "en": "{verb}: the claim was not sent to {who}",
        "fr": "{verb} : la demande n'a pas été envoyée à {who}",
    },
    "refused.give_reason": {
        "en": "{verb}: give the reason {who} gave",
        "fr": "{verb} : indiquez le motif donné par {who}",
    },
    "refused.sent_no_date": {
        "en": "{verb}: give the date it was sent",
        "fr": "{verb} : indiquez la date d'envoi",
    },
    "refused.sent_no_channel": {
        "en": "{verb}: say how it was sent (post, online or NOEMIE)",
        "fr": "{verb} : indiquez comment elle a été envoyée (courrier, en ligne ou NOEMIE)",
    },
    "refused.noemie_to_cpam": {
        "en": "cannot mark sent by NOEMIE: NOEMIE only carries claims from the CPAM to the "
        "mutuelle",
        "fr": "impossible d'indiquer un envoi par NOEMIE : NOEMIE ne transmet les demandes que de "
        "la CPAM vers la mutuelle",
    },
    "refused.paid_rejected": {
        "en": "{verb}: {who} rejected the claim; send it again first",
        "fr": "{verb} : {who} a rejeté la demande ; renvoyez-la d'abord",
    },
    "refused.paid_no_amount": {
        "en": "{verb}: give the amount received (more than 0)",
        "fr": "{verb} : indiquez le montant reçu (plus de 0)",
    },
    "refused.paid_no_date": {
        "en": "{verb}: give the date of the payment",
        "fr": "{verb} : indiquez la date du paiement",
    },
    "refused.paid_before_sent": {
        "en": "cannot mark paid on {paid_on}: the claim was sent to {who} on {sent_on}",
        "fr": "impossible d'indiquer un paiement le {paid_on} : la demande a été envoyée à {who} "
        "le {sent_on}",
    },
    "undo.nothing": {
        "en": "nothing to undo on the {track} track",
        "fr": "rien à annuler sur le suivi {track}",
    },
    "undo.noemie": {
        "en": "the mutuelle got this claim from the CPAM (NOEMIE): undo the CPAM payment instead, "
        "or record that the claim was sent to the mutuelle by post",
        "fr": "la mutuelle a reçu cette demande de la CPAM (NOEMIE) : annulez plutôt le paiement de "
        "la CPAM, ou indiquez que la demande a été envoyée à la mutuelle par courrier",
    },
    "undo.depends": {
        "en": "cannot undo the last {track} step: a later step depends on it ({error})",
        "fr": "impossible d'annuler la dernière étape du suivi {track} : une étape suivante en "
        "dépend ({error})",
    },
    # --- estimate notes (core/rules/estimate.py) -------------------------------------------------
    "note.rate_entered": {
        "en": "Rate {rate} % as entered for this claim.",
        "fr": "Taux de {rate} % saisi pour cette demande.",
    },
    "note.rate_ald": {
        "en": "Rate {rate} %: care related to an ALD.",
        "fr": "Taux de {rate} % : soins en rapport avec une ALD.",
    },
    "note.rate_maternity": {
        "en": "Rate {rate} %: maternity cover.",
        "fr": "Taux de {rate} % : assurance maternité.",
    },
    "note.rate_no_medecin_traitant": {
        "en": "Rate {rate} % instead of {general} %: no médecin traitant declared (outside the "
        "coordinated care path).",
        "fr": "Taux de {rate} % au lieu de {general} % : aucun médecin traitant déclaré (hors "
        "parcours de soins coordonnés).",
    },
    "note.rate_regime": {
        "en": "Rate {rate} % ({category}, {regime} regime).",
        "fr": "Taux de {rate} % ({category}, régime {regime}).",
    },
    "note.rate_drug_regime": {
        "en": "Rate {rate} % ({regime}: a medicine refunded at {national} % elsewhere).",
        "fr": "Taux de {rate} % ({regime} : un médicament remboursé à {national} % ailleurs).",
    },
    "note.parcours_exempt": {
        "en": "No out-of-parcours penalty: direct access for this specialty or this age.",
        "fr": "Pas de pénalité hors parcours : accès direct pour cette spécialité ou cet âge.",
    },
    "note.parcours_increase": {
        "en": "The {amount} the CPAM keeps outside the care path is not refunded by a contrat "
        "responsable: it stays to pay.",
        "fr": "Les {amount} que la CPAM retient hors parcours de soins ne sont pas remboursés par "
        "un contrat responsable : ils restent à payer.",
    },
    "note.lpp_base": {
        "en": "Base {base}: the LPP tariff of {codes}.",
        "fr": "Base de {base} : le tarif LPP de {codes}.",
    },
    "note.lpp_unknown": {
        "en": "{codes}: not on the LPP list as far as Paperasse knows, so no CPAM refund is "
        "counted; the CPAM may refuse it. If the supplier gave you its tariff, add the code.",
        "fr": "{codes} : absent de la liste LPP pour autant que Paperasse le sache, aucun "
        "remboursement de la CPAM n'est compté ; elle peut le refuser. Si le fournisseur vous "
        "en a donné le tarif, ajoutez le code.",
    },
    "note.lpp_no_code": {
        "en": "No LPP code and no base: the CPAM refunds a device on the tariff of its LPP code; "
        "add the code (on the invoice) or type the base.",
        "fr": "Ni code LPP ni base : la CPAM rembourse un dispositif sur le tarif de son code LPP ; "
        "ajoutez le code (sur la facture) ou saisissez la base.",
    },
    "note.forfait_journalier": {
        "en": "Forfait journalier {amount} ({days} × {per_day}): paid by the patient, never by the "
        "CPAM.",
        "fr": "Forfait journalier de {amount} ({days} × {per_day}) : à la charge du patient, jamais "
        "de la CPAM.",
    },
    "note.forfait_journalier_exempt": {
        "en": "No forfait journalier (maternity, CSS or the Alsace-Moselle regime).",
        "fr": "Pas de forfait journalier (maternité, CSS ou régime d'Alsace-Moselle).",
    },
    "note.forfait_journalier_amc": {
        "en": "A contrat responsable covers the forfait journalier: {amount} from the mutuelle.",
        "fr": "Un contrat responsable couvre le forfait journalier : {amount} de la mutuelle.",
    },
    "note.heavy_act": {
        "en": "An act of {threshold} or more: a flat {fee} replaces the ticket modérateur.",
        "fr": "Un acte d'au moins {threshold} : une participation de {fee} remplace le ticket "
        "modérateur.",
    },
    "note.full_rate_from_day": {
        "en": "100 % from the {day}th day of the stay.",
        "fr": "100 % à partir du {day}e jour d'hospitalisation.",
    },
    "note.basket_100": {
        "en": "100 % santé with a contrat responsable: nothing left to pay.",
        "fr": "100 % santé avec un contrat responsable : rien ne reste à payer.",
    },
    "note.basket_100_not_responsable": {
        "en": "100 % santé needs a contrat responsable; this one is not: the usual guarantee applies.",
        "fr": "Le 100 % santé suppose un contrat responsable ; celui-ci ne l'est pas : la garantie "
        "habituelle s'applique.",
    },
    "note.not_covered": {
        "en": "The CPAM does not cover this care (rate 0 %).",
        "fr": "La CPAM ne prend pas en charge ces soins (taux 0 %).",
    },
    "note.rate": {"en": "Rate {rate} % ({category}).", "fr": "Taux de {rate} % ({category})."},
    "note.base_above_paid": {
        "en": "Base {base} is above the amount paid: refunds use {paid}.",
        "fr": "La base de remboursement ({base}) dépasse le montant payé : les remboursements "
        "sont calculés sur {paid}.",
    },
    "note.exempt.participation_forfaitaire": {
        "en": "No participation forfaitaire: exempt ({reasons}).",
        "fr": "Pas de participation forfaitaire : exonération ({reasons}).",
    },
    "note.exempt.franchise": {
        "en": "No franchises: exempt ({reasons}).",
        "fr": "Pas de franchises médicales : exonération ({reasons}).",
    },
    "exempt.minor": {"en": "minor", "fr": "mineur"},
    "exempt.maternity": {"en": "maternity", "fr": "maternité"},
    "exempt.css": {"en": "css", "fr": "CSS"},
    "note.deduction.participation_forfaitaire": {
        "en": "Participation forfaitaire {amount} ({detail}) taken off the CPAM refund.",
        "fr": "Participation forfaitaire de {amount} ({detail}) déduite du remboursement de la "
        "CPAM.",
    },
    "note.deduction.franchise": {
        "en": "Franchises {amount} ({detail}) taken off the CPAM refund.",
        "fr": "Franchises médicales de {amount} ({detail}) déduites du remboursement de la CPAM.",
    },
    "deduction.daily_cap": {"en": ", daily cap {cap}", "fr": ", plafond journalier de {cap}"},
    "deduction.annual_cap": {
        "en": ", annual cap {cap} nearly reached",
        "fr": ", plafond annuel de {cap} presque atteint",
    },
    "deduction.this_claim": {
        "en": ", limited to this claim's refund",
        "fr": ", dans la limite du remboursement de cette demande",
    },
    "note.css": {
        "en": "CSS: the Complémentaire santé solidaire covers the ticket modérateur (100 % BR).",
        "fr": "CSS : la Complémentaire santé solidaire prend en charge le ticket modérateur "
        "(100 % BR).",
    },
    "note.no_guarantee": {
        "en": "No mutuelle guarantee given: no mutuelle refund estimated.",
        "fr": "Aucune garantie de mutuelle indiquée : pas d'estimation du remboursement de la "
        "mutuelle.",
    },
    "note.percent_br": {
        "en": "Mutuelle {guarantee}: CPAM and mutuelle together up to {ceiling}; the "
        "participation forfaitaire and franchises are not refunded (contrat responsable).",
        "fr": "Mutuelle {guarantee} : CPAM et mutuelle ensemble jusqu'à {ceiling} ; la "
        "participation forfaitaire et les franchises ne sont pas remboursées (contrat "
        "responsable).",
    },
    "note.forfait": {
        "en": "Mutuelle {guarantee}: {left} left of it this year.",
        "fr": "Mutuelle {guarantee} : il en reste {left} cette année.",
    },
    "note.frais_reels": {
        "en": "Mutuelle frais réels: refunds what the CPAM leaves, except the participation "
        "forfaitaire and franchises (contrat responsable).",
        "fr": "Mutuelle frais réels : rembourse ce que laisse la CPAM, sauf la participation "
        "forfaitaire et les franchises (contrat responsable).",
    },
    "note.tiers_payant_amo": {
        "en": "Tiers payant: the CPAM pays the professional directly; its deductions are taken "
        "off a later refund.",
        "fr": "Tiers payant : la CPAM paie directement le professionnel ; la participation "
        "forfaitaire et les franchises sont déduites d'un remboursement ultérieur.",
    },
    "note.tiers_payant_all": {
        "en": "Tiers payant: the CPAM and the mutuelle pay the professional directly.",
        "fr": "Tiers payant : la CPAM et la mutuelle paient directement le professionnel.",
    },
    "guarantee.percent_br": {"en": "{percent} % BR", "fr": "{percent} % BR"},
    "guarantee.forfait": {"en": "forfait {amount} € a year", "fr": "forfait de {amount} par an"},
    "guarantee.frais_reels": {"en": "frais réels", "fr": "frais réels"},
    # --- names used in texts -----------------------------------------------------------------------
    "insured.unknown": {"en": "the insured", "fr": "l'assuré(e)"},
    "category.consultation": {"en": "consultation", "fr": "consultation"},
    "category.specialist": {"en": "specialist", "fr": "spécialiste"},
    "category.paramedical": {"en": "paramedical", "fr": "soins paramédicaux"},
    "category.dental": {"en": "dental", "fr": "soins dentaires"},
    "category.pharmacy": {"en": "pharmacy", "fr": "pharmacie"},
    "category.lpp_device": {"en": "lpp_device", "fr": "dispositif médical (LPP)"},
    "category.hospital": {"en": "hospital", "fr": "hôpital"},
    "category.transport": {"en": "transport", "fr": "transport"},
    "category.other": {"en": "other", "fr": "autres soins"},
    "category.midwife": {"en": "midwife", "fr": "sage-femme"},
    "category.physiotherapy": {"en": "physiotherapy", "fr": "kinésithérapie"},
    "category.nursing": {"en": "nursing", "fr": "soins infirmiers"},
    "category.speech_therapy": {"en": "speech therapy", "fr": "orthophonie"},
    "category.lab": {"en": "lab tests", "fr": "analyses de laboratoire"},
    "category.radiology": {"en": "radiology", "fr": "radiologie"},
    "category.optics": {"en": "optics", "fr": "optique"},
    "category.hearing": {"en": "hearing aids", "fr": "audioprothèses"},
    "category.hospital_psychiatry": {"en": "psychiatric hospital", "fr": "hôpital psychiatrique"},
    "category.transport_personal": {"en": "own car or public transport",
                                    "fr": "véhicule personnel ou transports en commun"},
    "regime.general": {"en": "general", "fr": "général"},
    "regime.alsace_moselle": {"en": "alsace_moselle", "fr": "Alsace-Moselle"},
    "regime.other": {"en": "other", "fr": "autre"},
    # --- household checks and statements (services) ---------------------------------------------
    "check.overdue": {"en": "{track}: {action}", "fr": "{track} : {action}"},
    "check.deadline_soon": {
        "en": "{payer}: deadline {deadline} is close",
        "fr": "{track} : la date limite du {deadline} approche",
    },
    "check.flag": {
        "en": "{payer}: received {received} but expected {expected} ({flag})",
        "fr": "{track} : {received} reçus alors que {expected} étaient attendus ({flag})",
    },
    "flag.underpaid": {"en": "underpaid", "fr": "moins que prévu"},
    "flag.overpaid": {"en": "overpaid", "fr": "plus que prévu"},
    "check.check_statement": {"en": "check the statement", "fr": "vérifiez le décompte"},
    "statement.no_care_date_or_amount": {
        "en": "no care date or amount read",
        "fr": "ni date de soins ni montant lu",
    },
    "statement.no_open_claim": {
        "en": "no open claim for that person and date",
        "fr": "aucune demande en cours pour cette personne à cette date",
    },
    # --- a document's fields as typed (services/field_checks.py) ---------------------------------
    "field.date": {
        "en": "“{text}” is not a date: write it DD/MM/YYYY, e.g. 04/07/2025",
        "fr": "« {text} » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple 04/07/2025",
    },
    "field.amount": {
        "en": "“{text}” is not an amount: write it like 30.00 or 30,00",
        "fr": "« {text} » n'est pas un montant : écrivez-le comme 30,00",
    },
    "field.payer": {
        "en": "“{text}”: type CPAM or mutuelle",
        "fr": "« {text} » : tapez CPAM ou mutuelle",
    },
    "field.yes_no": {
        "en": "“{text}”: type yes or no",
        "fr": "« {text} » : tapez oui ou non",
    },
    "field.nir_length": {
        "en": "A NIR has 15 characters (13 and a 2-digit key); this one has {count}",
        "fr": "Un NIR a 15 caractères (13 et une clé de 2 chiffres) ; celui-ci en a {count}",
    },
    "field.nir_no_key": {
        "en": "The NIR needs its 2-digit key at the end: {key} for these 13 characters",
        "fr": "Il manque la clé de 2 chiffres à la fin du NIR : {key} pour ces 13 caractères",
    },
    # --- a person's record (services/people.py) -------------------------------------------------
    "person.already_added": {
        "en": "{name!r} is already in the household: change their details in their own form",
        "fr": "« {name} » est déjà dans le foyer : modifiez ses informations dans sa propre fiche",
    },
    "person.already_in_household": {
        "en": "{name!r} is already in the household",
        "fr": "« {name} » est déjà dans le foyer",
    },
    "person.invalid_identifier": {"en": "{raw!r}: {why}", "fr": "« {raw} » : {why}"},
    "person.own_insured": {
        "en": "a person cannot be their own insured",
        "fr": "une personne ne peut pas être son propre assuré",
    },
    "person.deadline_days": {
        "en": "mutuelle deadline must be a positive number of days",
        "fr": "le délai de la mutuelle est un nombre de jours positif",
    },
    # --- identifiers as typed (core/identifiers.py) ----------------------------------------------
    "id.nir_empty": {"en": "NIR is empty", "fr": "Le NIR est vide"},
    "id.nir_no_key": {
        "en": "NIR has 13 characters but needs its 2-digit key: expected key {key}",
        "fr": "Le NIR a 13 caractères mais il lui faut sa clé de 2 chiffres : la clé attendue est {key}",
    },
    "id.nir_length": {
        "en": "NIR must have 15 characters (13 + 2-digit key), got {count}",
        "fr": "Un NIR a 15 caractères (13 + une clé de 2 chiffres) ; celui-ci en a {count}",
    },
    "id.nir_characters": {
        "en": "NIR may only contain digits (and 2A/2B for Corsica at positions 6-7)",
        "fr": "Un NIR ne contient que des chiffres (et 2A/2B pour la Corse en positions 6-7)",
    },
    "id.nir_first_digit": {
        "en": "NIR must start with 1 (man) or 2 (woman); 7 or 8 for a temporary number",
        "fr": "Un NIR commence par 1 (homme) ou 2 (femme) ; 7 ou 8 pour un numéro provisoire",
    },
    "id.nir_key": {
        "en": "NIR key is {key} but the first 13 characters give {expected}",
        "fr": "La clé du NIR est {key} mais les 13 premiers caractères donnent {expected}",
    },
    "id.nia_length": {
        "en": "temporary number (NIA) must have 13 digits, or 15 with its key",
        "fr": "Un numéro provisoire (NIA) a 13 chiffres, ou 15 avec sa clé",
    },
    "id.nia_sex": {
        "en": "temporary number (NIA): its second digit gives the sex and must be 1 or 2",
        "fr": "Numéro provisoire (NIA) : son deuxième chiffre donne le sexe et vaut 1 ou 2",
    },
    "id.nia_temporary": {
        "en": "temporary number (NIA, starts with 7 or 8): replace it once the permanent NIR is known",
        "fr": "Numéro provisoire (NIA, commence par 7 ou 8) : remplacez-le dès que le NIR définitif est connu",
    },
    "id.nir_sex_man": {
        "en": "NIR starts with {digit} (man) but the person's sex is woman",
        "fr": "Le NIR commence par {digit} (homme) mais la personne est une femme",
    },
    "id.nir_sex_woman": {
        "en": "NIR starts with {digit} (woman) but the person's sex is man",
        "fr": "Le NIR commence par {digit} (femme) mais la personne est un homme",
    },
    "id.nir_year": {
        "en": "NIR birth year {year} does not match the birth date {birth}",
        "fr": "L'année de naissance du NIR ({year}) ne correspond pas à la date de naissance {birth}",
    },
    "id.nir_month": {
        "en": "NIR birth month {month} does not match the birth date {birth}",
        "fr": "Le mois de naissance du NIR ({month}) ne correspond pas à la date de naissance {birth}",
    },
    "id.iban_empty": {"en": "IBAN is empty", "fr": "L'IBAN est vide"},
    "id.invalid.checksum": {
        "en": "{what} is not valid: its check digits do not match",
        "fr": "{what} non valide : ses chiffres de contrôle ne concordent pas",
    },
    "id.invalid.length": {
        "en": "{what} is not valid: wrong length",
        "fr": "{what} non valide : la longueur ne va pas",
    },
    "id.invalid.format": {
        "en": "{what} is not valid: unexpected characters",
        "fr": "{what} non valide : caractères inattendus",
    },
    "id.invalid.component": {
        "en": "{what} is not valid: unknown country or bank code",
        "fr": "{what} non valide : code pays ou code banque inconnu",
    },
    "id.rpps_length": {
        "en": "RPPS must have 11 digits, got {got}",
        "fr": "Un numéro RPPS a 11 chiffres ; lu : {got}",
    },
    "id.rpps_check_digit": {
        "en": "RPPS check digit looks wrong: expected {digit} as its last digit (a digit may have been misread)",
        "fr": "Le chiffre de contrôle du RPPS semble faux : {digit} attendu en dernier (un chiffre a pu être mal lu)",
    },
    "id.adeli_length": {
        "en": "ADELI number must have 9 digits, got {got}",
        "fr": "Un numéro ADELI a 9 chiffres ; lu : {got}",
    },
    "field.nir_key": {
        "en": "The NIR's key is {key} but its first 13 characters give {expected}: a digit is wrong",
        "fr": "La clé du NIR est {key} mais ses 13 premiers caractères donnent {expected} : "
        "un chiffre est faux",
    },
    "field.nir_invalid": {
        "en": "This is not a NIR: 15 digits starting with 1 or 2 (2A/2B for Corsica)",
        "fr": "Ce n'est pas un NIR : 15 chiffres commençant par 1 ou 2 (2A/2B pour la Corse)",
    },
    "field.rpps_length": {
        "en": "An RPPS number has 11 digits; this one has {count}",
        "fr": "Un numéro RPPS a 11 chiffres ; celui-ci en a {count}",
    },
    "field.rpps_check_digit": {
        "en": "The RPPS check digit looks wrong (expected {digit} last): check the paper",
        "fr": "Le chiffre de contrôle du RPPS semble faux ({digit} attendu en dernier) : "
        "vérifiez sur le papier",
    },
    # --- the Trash (services/trash.py) -----------------------------------------------------------
    "trash.kind.document": {"en": "document", "fr": "document"},
    "trash.kind.claim": {"en": "claim", "fr": "dossier"},
    "trash.kind.person": {"en": "person", "fr": "personne"},
    "trash.insured_of": {
        "en": "{name} is the insured person of {others}: delete them first, or give them "
              "another insured person",
        "fr": "{name} est l’assuré(e) de {others} : supprimez-les d’abord, ou indiquez-leur un "
              "autre assuré",
    },
    "trash.restore_first": {
        "en": "it belongs to the {kind} “{label}”, which is in the Trash too: restore that first",
        "fr": "cet élément appartient à « {label} » ({kind}), qui est aussi dans la "
              "corbeille : restaurez d’abord « {label} »",
    },
    "trash.not_in_trash": {
        "en": "{kind} {id} is not in the Trash",
        "fr": "{kind} {id} n’est pas dans la corbeille",
    },
    "trash.no_entry": {
        "en": "nothing in the Trash has number {id}",
        "fr": "rien dans la corbeille ne porte le numéro {id}",
    },
    "trash.name_in_trash": {
        "en": "a person named {name} is in the Trash: restore them, or empty the Trash first",
        "fr": "une personne nommée {name} est dans la corbeille : restaurez-la, ou videz "
              "d’abord la corbeille",
    },
    "trash.file_in_trash": {
        "en": "{name}: this file is in the Trash (document {id}); restore it from the Trash",
        "fr": "{name} : ce fichier est dans la corbeille (document {id}) ; restaurez-le depuis "
              "la corbeille",
    },
    # --- watched folders (services/watch_folders.py) ---------------------------------------------
    "watch.imported": {
        "en": "{file}: imported as document {document}",
        "fr": "{file} : importé comme document {document}",
    },
    "watch.imported_moved": {
        "en": "{file}: imported as document {document}, moved to {moved_to}",
        "fr": "{file} : importé comme document {document}, déplacé dans {moved_to}",
    },
    "watch.imported_not_moved": {
        "en": "{file}: imported as document {document}, but could not be moved ({error})",
        "fr": "{file} : importé comme document {document}, mais n'a pas pu être déplacé ({error})",
    },
    "watch.already": {
        "en": "{file}: already imported as document {document}",
        "fr": "{file} : déjà importé comme document {document}",
    },
    "watch.already_moved": {
        "en": "{file}: already imported as document {document}, moved to {moved_to}",
        "fr": "{file} : déjà importé comme document {document}, déplacé dans {moved_to}",
    },
    "watch.already_not_moved": {
        "en": "{file}: already imported as document {document}, but could not be moved ({error})",
        "fr": "{file} : déjà importé comme document {document}, mais n'a pas pu être déplacé "
        "({error})",
    },
    "watch.moved": {
        "en": "{file}: imported earlier as document {document}, moved to {moved_to}",
        "fr": "{file} : importé auparavant comme document {document}, déplacé dans {moved_to}",
    },
    "watch.failed": {
        "en": "not imported: {error} (tried again once the file changes)",
        "fr": "non importé : {error} (nouvel essai quand le fichier changera)",
    },
    "watch.folder_missing": {
        "en": "{folder}: the watched folder is gone; watching resumes when it is back",
        "fr": "{folder} : le dossier surveillé a disparu ; la surveillance reprendra à son retour",
    },
    "watch.folder_back": {
        "en": "{folder}: the watched folder is back, watching it again",
        "fr": "{folder} : le dossier surveillé est revenu, surveillance reprise",
    },
    "watch.still_writing": {
        "en": "{file}: still being written, not imported",
        "fr": "{file} : encore en cours d'écriture, non importé",
    },
    # --- the command line's own words around the texts above (cli/tracking_cmd.py) ---------------
    "cli.nothing_due": {"en": "nothing missing, nothing overdue",
                        "fr": "rien ne manque, rien n'est en retard"},
    "cli.claim": {"en": "claim {id}", "fr": "dossier {id}"},
    "severity.blocking": {"en": "blocking", "fr": "bloquant"},
    "severity.warning": {"en": "warning", "fr": "à vérifier"},
    "severity.overdue": {"en": "overdue", "fr": "en retard"},
    "status.head.id": {"en": "id", "fr": "n°"},
    "status.head.person": {"en": "person", "fr": "personne"},
    "status.head.care_date": {"en": "care date", "fr": "date des soins"},
    "status.head.category": {"en": "category", "fr": "soins"},
    "status.head.paid": {"en": "paid", "fr": "payé"},
    "status.head.cpam": {"en": "CPAM recv/exp", "fr": "CPAM reçu/attendu"},
    "status.head.mutuelle": {"en": "mutuelle recv/exp", "fr": "mutuelle reçu/attendu"},
    "status.state.pending": {"en": "pending", "fr": "à envoyer"},
    "status.state.incomplete": {"en": "incomplete", "fr": "papiers manquants"},
    "status.state.ready": {"en": "ready", "fr": "prêt à envoyer"},
    "status.state.sent": {"en": "sent", "fr": "envoyé"},
    "status.state.paid": {"en": "paid", "fr": "payé"},
    "status.state.rejected": {"en": "rejected", "fr": "refusé"},
    "status.state.closed": {"en": "closed", "fr": "terminé"},
    "status.state.direct": {"en": "direct", "fr": "payé directement"},
    "status.state.not_covered": {"en": "not_covered", "fr": "non remboursé"},
    "status.owed": {"en": "owed to the household: CPAM {cpam}, mutuelle {mutuelle}",
                    "fr": "dû au foyer : CPAM {cpam}, mutuelle {mutuelle}"},
    # --- files scan intake cannot read (intake/errors.py): "{name} <problem>: <fix>" ---------------
    "intake.the_file": {"en": "the file", "fr": "le fichier"},
    "intake.with_fix": {"en": "{problem}: {fix}", "fr": "{problem} : {fix}"},
    "intake.not_found": {"en": "{name} was not found", "fr": "{name} est introuvable"},
    "intake.folder": {"en": "{name} is a folder, not a document",
                      "fr": "{name} est un dossier, pas un document"},
    "intake.permission": {"en": "{name} cannot be opened (permission denied)",
                          "fr": "{name} ne peut pas être ouvert (accès refusé)"},
    "intake.empty": {"en": "{name} is empty (0 bytes)", "fr": "{name} est vide (0 octet)"},
    "intake.too_large": {"en": "{name} is too large ({size} MB, limit {limit} MB)",
                         "fr": "{name} est trop gros ({size} Mo, limite de {limit} Mo)"},
    "intake.unreadable": {"en": "{name} cannot be read ({error})",
                          "fr": "{name} ne peut pas être lu ({error})"},
    "intake.unread_image": {
        "en": "{name} is {what}, a format Paperasse does not read (it reads PDF, JPEG, PNG, TIFF, "
        "HEIC, WebP and BMP)",
        "fr": "{name} est {what}, un format que Paperasse ne lit pas (il lit les PDF, JPEG, PNG, "
        "TIFF, HEIC, WebP et BMP)",
    },
    "intake.is_not": {"en": "{name} is {what}, not {claimed}", "fr": "{name} est {what}, pas {claimed}"},
    "intake.not_document": {
        "en": "{name} is not a PDF or an image (JPEG, PNG, TIFF, HEIC, WebP, BMP)",
        "fr": "{name} n'est ni un PDF ni une image (JPEG, PNG, TIFF, HEIC, WebP, BMP)",
    },
    "intake.damaged_image": {
        "en": "{name} is damaged and cannot be opened as an image ({error})",
        "fr": "{name} est abîmé et ne peut pas être ouvert comme image ({error})",
    },
    "intake.too_many_pixels_sized": {
        "en": "{name} has too many pixels ({width}x{height} pixels), over the {limit} Mpx limit",
        "fr": "{name} a trop de pixels ({width}x{height} pixels), au-delà de la limite de "
        "{limit} Mpx",
    },
    "intake.too_many_pixels": {
        "en": "{name} has too many pixels, over the {limit} Mpx limit",
        "fr": "{name} a trop de pixels, au-delà de la limite de {limit} Mpx",
    },
    "intake.too_many_pages": {
        "en": "{name} has {count} pages, over the {limit}-page limit",
        "fr": "{name} a {count} pages, au-delà de la limite de {limit} pages",
    },
    "intake.damaged_page": {
        "en": "{name} is damaged: page {page} cannot be decoded ({error})",
        "fr": "{name} est abîmé : la page {page} ne peut pas être décodée ({error})",
    },
    "intake.password": {"en": "{name} is password-protected",
                        "fr": "{name} est protégé par un mot de passe"},
    "intake.damaged_pdf": {
        "en": "{name} is a damaged PDF and cannot be opened ({error})",
        "fr": "{name} est un PDF abîmé qui ne peut pas être ouvert ({error})",
    },
    "intake.no_pages": {"en": "{name} is a PDF with no pages", "fr": "{name} est un PDF sans page"},
    "intake.undrawable_page": {
        "en": "{name} page {page} cannot be drawn ({error})",
        "fr": "{name} : la page {page} ne peut pas être affichée ({error})",
    },
    "intake.ocr_timeout": {
        "en": "{name} page {page} took over {seconds} s to read and was stopped",
        "fr": "{name} : la lecture de la page {page} a dépassé {seconds} s et a été arrêtée",
    },
    "intake.claimed.pdf": {"en": "a PDF", "fr": "un PDF"},
    "intake.claimed.image": {"en": "an image", "fr": "une image"},
    "intake.claimed.either": {"en": "a PDF or an image", "fr": "un PDF ou une image"},
    "intake.what.zip": {"en": "a ZIP archive", "fr": "une archive ZIP"},
    "intake.what.empty_zip": {"en": "an empty ZIP archive", "fr": "une archive ZIP vide"},
    "intake.what.rar": {"en": "a RAR archive", "fr": "une archive RAR"},
    "intake.what.7z": {"en": "a 7-Zip archive", "fr": "une archive 7-Zip"},
    "intake.what.gzip": {"en": "a gzip archive", "fr": "une archive gzip"},
    "intake.what.bzip2": {"en": "a bzip2 archive", "fr": "une archive bzip2"},
    "intake.what.xz": {"en": "an XZ archive", "fr": "une archive XZ"},
    "intake.what.tar": {"en": "a TAR archive", "fr": "une archive TAR"},
    "intake.what.office": {"en": "an Office document", "fr": "un document Office"},
    "intake.what.rtf": {"en": "an RTF document", "fr": "un document RTF"},
    "intake.what.gif": {"en": "a GIF image", "fr": "une image GIF"},
    "intake.what.program": {"en": "a program", "fr": "un programme"},
    "intake.what.windows_program": {"en": "a Windows program", "fr": "un programme Windows"},
    "intake.fix.check_path": {"en": "check the path and import it again",
                              "fr": "vérifiez le chemin et importez-le à nouveau"},
    "intake.fix.inside_folder": {"en": "choose the scan or PDF inside it",
                                 "fr": "choisissez le scan ou le PDF qu'il contient"},
    "intake.fix.read_access": {"en": "give yourself read access to it",
                               "fr": "donnez-vous le droit de le lire"},
    "intake.fix.scan_again": {"en": "scan or download it again",
                              "fr": "numérisez-le ou téléchargez-le à nouveau"},
    "intake.fix.smaller": {"en": "scan it at 300 dpi or split it into smaller files",
                           "fr": "numérisez-le à 300 dpi ou découpez-le en fichiers plus petits"},
    "intake.fix.copy_locally": {"en": "copy it locally and retry",
                                "fr": "copiez-le sur cet ordinateur et réessayez"},
    "intake.fix.export": {"en": "export or scan it to one of those formats",
                          "fr": "exportez-le ou numérisez-le dans l'un de ces formats"},
    "intake.fix.anew": {"en": "scan it again or export it anew",
                        "fr": "numérisez-le ou exportez-le à nouveau"},
    "intake.fix.300dpi": {"en": "scan it again at 300 dpi", "fr": "numérisez-le à nouveau à 300 dpi"},
    "intake.fix.split": {"en": "split it into smaller files",
                         "fr": "découpez-le en fichiers plus petits"},
    "intake.fix.password": {"en": "remove the password and import it again",
                            "fr": "retirez le mot de passe et importez-le à nouveau"},
    "intake.fix.download": {"en": "download or export it again",
                            "fr": "téléchargez-le ou exportez-le à nouveau"},
    "intake.fix.rescan_page": {
        "en": "scan that page again at 300 dpi, or import the file without reading its text",
        "fr": "numérisez à nouveau cette page à 300 dpi, ou importez le fichier sans lire son texte",
    },
    "intake.fix.extract": {"en": "extract it first", "fr": "extrayez-en d'abord le contenu"},
    "intake.fix.extract_document": {"en": "extract the document from the archive first",
                                    "fr": "extrayez d'abord le document de l'archive"},
    "intake.fix.to_pdf": {"en": "export it to PDF first", "fr": "exportez-le d'abord en PDF"},
    "intake.fix.to_png": {"en": "convert it to PNG or JPEG", "fr": "convertissez-le en PNG ou JPEG"},
    "intake.fix.choose_scan": {"en": "choose the scan or PDF instead",
                               "fr": "choisissez plutôt le scan ou le PDF"},
    # --- importing documents (services/documents.py) ---------------------------------------------
    "import.broken_link": {"en": "{name}: broken link, the file it points to is gone",
                           "fr": "{name} : lien cassé, le fichier vers lequel il pointe a disparu"},
    "import.no_such_file": {"en": "{name}: no such file; check the path",
                            "fr": "{name} : fichier introuvable ; vérifiez le chemin"},
    "import.cannot_read_path": {"en": "{name}: cannot be read ({error}); check the path",
                                "fr": "{name} : illisible ({error}) ; vérifiez le chemin"},
    "import.is_folder": {
        "en": "{name}: is a folder; import the files inside it instead (e.g. {name}/*)",
        "fr": "{name} : c'est un dossier ; importez plutôt les fichiers qu'il contient "
        "(par exemple {name}/*)",
    },
    "import.not_regular": {"en": "{name}: is not a regular file",
                           "fr": "{name} : ce n'est pas un fichier ordinaire"},
    "import.empty": {"en": "{name}: the file is empty (0 bytes); scan or export it again",
                     "fr": "{name} : le fichier est vide (0 octet) ; numérisez-le ou "
                     "exportez-le à nouveau"},
    "import.too_large": {
        "en": "{name}: the file is {size} MB, over the {limit} MB limit; split or compress it",
        "fr": "{name} : le fichier fait {size} Mo, au-delà de la limite de {limit} Mo ; "
        "découpez-le ou compressez-le",
    },
    "import.permission": {
        "en": "{name}: permission denied; make the file readable and try again",
        "fr": "{name} : accès refusé ; rendez le fichier lisible et réessayez",
    },
    "document.names_other": {
        "en": "the document names {named}, not {person}: check whose document it is",
        "fr": "le document est au nom de {named}, pas de {person} : vérifiez à qui il est",
    },
    # --- reminders and the calendar (services/reminders.py) --------------------------------------
    "reminder.deadline": {
        "en": "Last day to claim from {payer}: {title} ({person})",
        "fr": "Dernier jour pour demander à {payer} : {title} ({person})",
    },
    "reminder.follow_up": {
        "en": "Follow up with {payer}: {title} ({person})",
        "fr": "Relancer {payer} : {title} ({person})",
    },
    "reminder.details": {
        "en": "{action}\nClaim {claim}, care on {care_date}, {person}.",
        "fr": "{action}\nDemande {claim}, soins du {care_date}, {person}.",
    },
    "reminder.untitled": {"en": "{category} on {care_date}", "fr": "{category} du {care_date}"},
    "reminder.untitled_undated": {"en": "claim {claim}", "fr": "demande {claim}"},
    # --- what a mailing's report says beside the PDF (services/bundle.py) -------------------------
    "bundle.incomplete": {
        "en": "incomplete: {message} (-> {action})",
        "fr": "incomplet : {message} (→ {action})",
    },
    "bundle.direct": {
        "en": "{Who} pays the professional directly (tiers payant): there is nothing to claim",
        "fr": "{Who} paie directement le professionnel (tiers payant) : il n'y a rien à demander",
    },
    "bundle.already_sent": {
        "en": "this claim was already sent to {who}{via}{when} (its track is {state})",
        "fr": "cette demande a déjà été envoyée à {who}{via}{when} (son suivi est « {state} »)",
    },
    "bundle.via_noemie": {"en": " by NOEMIE", "fr": " par NOEMIE"},
    "bundle.on_date": {"en": " on {date}", "fr": " le {date}"},
    "bundle.noemie_forwards": {
        "en": "the mutuelle is linked by NOEMIE: the CPAM forwards this claim to it; post this "
        "only if the mutuelle asks for it",
        "fr": "la mutuelle est reliée par NOEMIE : la CPAM lui transmet cette demande ; ne "
        "l'envoyez que si la mutuelle la réclame",
    },
    "bundle.tiers_payant_cpam": {
        "en": "tiers payant: the CPAM pays the professional directly",
        "fr": "tiers payant : la CPAM paie directement le professionnel",
    },
    "bundle.statement_payer_unconfirmed": {
        "en": "document {document_id} ({name}) is enclosed as the CPAM statement, but its payer "
        "is not confirmed: check it in the document's fields (payer: CPAM)",
        "fr": "le document {document_id} ({name}) est joint comme décompte de la CPAM, mais son "
        "payeur n'est pas confirmé : vérifiez-le dans les champs du document (payeur : CPAM)",
    },
    "bundle.outdated_centre": {
        "en": "{person}'s caisse {caisse} is an outdated student centre: {why} The letter leaves "
        "the address blank; write the CPAM of their residence in {person}'s details.",
        "fr": "La caisse {caisse} de {person} est un ancien centre étudiant : {why} La lettre "
        "laisse l'adresse en blanc ; indiquez la CPAM de son lieu de résidence dans la fiche de "
        "{person}.",
    },
    "bundle.address_unconfirmed": {
        "en": "the address of {caisse} comes from the address book and is unconfirmed: check it "
        "against the attestation de droits",
        "fr": "l'adresse de {caisse} vient du carnet d'adresses et n'est pas confirmée : "
        "vérifiez-la sur l'attestation de droits",
    },
    "bundle.no_caisse_address": {
        "en": "no postal address for {person}'s caisse{known}: write it on the letter from the "
        "attestation de droits (or ameli.fr), or record it in {person}'s details",
        "fr": "aucune adresse postale pour la caisse de {person}{known} : écrivez-la sur la "
        "lettre d'après l'attestation de droits (ou ameli.fr), ou enregistrez-la dans la fiche "
        "de {person}",
    },
    "bundle.no_mutuelle_address": {
        "en": "no postal address for the mutuelle {mutuelle}: write it on the letter (it is on "
        "the membership card), or record it in {person}'s details",
        "fr": "aucune adresse postale pour la mutuelle {mutuelle} : écrivez-la sur la lettre "
        "(elle figure sur la carte d'adhérent), ou enregistrez-la dans la fiche de {person}",
    },
    "bundle.nothing_enclosed": {
        "en": "no document is enclosed: attach the claim's papers, or post them with the letter",
        "fr": "aucun document n'est joint : rattachez les papiers de la demande, ou postez-les "
        "avec la lettre",
    },
    # --- the backup folder reminder (services/backup_folder/) ------------------------------------
    "backup.folder_overdue": {
        "en": "The last backup to {folder} was {days} days ago ({last}); back up again.",
        "fr": "La dernière sauvegarde dans {folder} date d'il y a {days} jours ({last}) ; "
        "sauvegardez à nouveau.",
    },
    "backup.folder_never": {
        "en": "Nothing has been backed up to {folder} yet; back up there.",
        "fr": "Rien n'a encore été sauvegardé dans {folder} ; sauvegardez-y.",
    },
}


def language(lang: object = None) -> str:
    """'en' or 'fr' from anything a caller may hold: None, 'FR', 'fr_FR', 'fr-FR'..."""
    if lang in LANGUAGES:  # the common case, asked for every sentence of every claim
        return lang
    code = str(lang or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else DEFAULT


def localized(text: object, lang: str = DEFAULT) -> str:
    """A text in one language from a plain string (the same in every language) or a
    {"en": ..., "fr": ...} mapping: the asked language, else English, else the first present."""
    if text is None:
        return ""
    if type(text) is dict:  # the message tables: a plain dict, checked without the ABC machinery
        value = text.get(lang if lang in LANGUAGES else language(lang)) or text.get(DEFAULT)
        if isinstance(value, str) and value:
            return value
    if isinstance(text, Mapping):
        for key in (language(lang), DEFAULT):
            value = text.get(key)
            if isinstance(value, str) and value:
                return value
        for value in text.values():
            if isinstance(value, str) and value:
                return value
        return ""
    return str(text)


def message(message_id: str, lang: str = DEFAULT, **values: object) -> str:
    """The message in ``lang`` with its {names} filled in."""
    return localized(MESSAGES[message_id], lang).format(**values)


def name_of(prefix: str, value: object, lang: str = DEFAULT) -> str:
    """A value's name in a sentence (category, regime, state...), the raw value if unlisted."""
    key = f"{prefix}.{value}"
    return message(key, lang) if key in MESSAGES else str(value)


def money(value: object, lang: str = DEFAULT) -> str:
    """'182.94' in English (as before), '182,94 €' in French (core/formatting.py ``amount``)."""
    return formatting.amount(value, language(lang))


def day(value: _dt.date | str | None, lang: str = DEFAULT) -> str:
    """'2025-07-24' in English (as before), '24/07/2025' in French."""
    return formatting.day(value, language(lang))


def join(items: Iterable[str], lang: str = DEFAULT) -> str:
    """'a, b and c' / 'a, b et c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + message("list.and", lang) + items[-1]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence_part(text: str, lang: str = DEFAULT) -> str:
    """A full sentence used after a colon: French lowers its first letter ("Signez" → "signez"),
    unless the word is an acronym (NIR, RIB); English keeps it as it was."""
    if language(lang) == "fr" and len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
