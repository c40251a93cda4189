<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AppController</name>
    <message>
        <source>Preparing the sample household…</source>
        <translation>Préparation du foyer d’exemple…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sample documents</source>
        <translation>Documents d’exemple</translation>
    </message>
    <message>
        <source>The sample household could not be prepared</source>
        <translation>Le foyer d’exemple n’a pas pu être préparé</translation>
    </message>
</context>
<context>
    <name>BackupsController</name>
    <message>
        <source>The automatic backup at start-up failed: %1</source>
        <translation>La sauvegarde automatique au démarrage a échoué : %1</translation>
    </message>
    <message>
        <source>Reading the backups folder…</source>
        <translation>Lecture du dossier des sauvegardes…</translation>
    </message>
    <message>
        <source>No other folder chosen. A copy of your records and scans on an external drive or a synced folder survives this computer&apos;s disk failing.</source>
        <translation>Aucun autre dossier choisi. Une copie de vos dossiers et de vos scans sur un disque externe ou dans un dossier synchronisé survit à une panne du disque de cet ordinateur.</translation>
    </message>
    <message>
        <source>Backups go to %1. Last backup there: %2.</source>
        <translation>Les sauvegardes vont dans %1. Dernière sauvegarde : %2.</translation>
    </message>
    <message>
        <source>Backups go to %1. Nothing has been backed up there yet.</source>
        <translation>Les sauvegardes vont dans %1. Rien n’y a encore été sauvegardé.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Aucune sauvegarde pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2).</source>
        <translation>Dernière sauvegarde : %1 (%2).</translation>
    </message>
    <message>
        <source>Copying your records…</source>
        <translation>Copie de vos données…</translation>
    </message>
    <message>
        <source>Backed up: %1.</source>
        <translation>Sauvegardé : %1.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>Back up to another folder</source>
        <translation>Sauvegarder dans un autre dossier</translation>
    </message>
    <message>
        <source>Copying your records and scans…</source>
        <translation>Copie de vos dossiers et de vos scans…</translation>
    </message>
    <message>
        <source>Restore from a backup folder</source>
        <translation>Restaurer depuis un dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde ?</translation>
    </message>
    <message>
        <source>Bring your records back to how they were on %1?</source>
        <translation>Revenir à vos données telles qu&apos;elles étaient le %1 ?</translation>
    </message>
    <message>
        <source>What was recorded since then will no longer show. Nothing is lost: a safety copy of your records as they are now is taken first, and you can restore it from this list. Scans are not touched.</source>
        <translation>Ce qui a été enregistré depuis n&apos;apparaîtra plus. Rien n&apos;est perdu : une copie de sécurité de vos données actuelles est faite d&apos;abord, et vous pourrez la restaurer depuis cette liste. Les scans ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Backed up to %1: %2.</source>
        <translation>Sauvegardé dans %1 : %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) copied this time.</source>
        <translation>
            <numerusform>%n scan copié cette fois.</numerusform>
            <numerusform>%n scans copiés cette fois.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not copied, as missing or damaged here: %n scan(s).</source>
        <translation>
            <numerusform>Non copié, car absent ou abîmé ici : %n scan.</numerusform>
            <numerusform>Non copiés, car absents ou abîmés ici : %n scans.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from this folder?</source>
        <translation>Restaurer depuis ce dossier ?</translation>
    </message>
    <message>
        <source>Bring back your records and scans from the newest backup in %1?</source>
        <translation>Retrouver vos dossiers et vos scans depuis la sauvegarde la plus récente de %1 ?</translation>
    </message>
    <message>
        <source>Everything in the backup is checked first; if it is damaged, nothing is changed. Your records as they are now are kept in a safety copy.</source>
        <translation>Tout le contenu de la sauvegarde est d’abord vérifié ; s’il est abîmé, rien n’est modifié. Vos dossiers tels qu’ils sont maintenant sont gardés dans une copie de sécurité.</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Paperasse copies your records into the backups folder once a day. Scans are not copied there: they never change once imported. Restoring a copy brings your records back to that moment. To survive this disk failing, back up the records and the scans to another folder too.</source>
        <translation>Paperasse copie vos dossiers dans le dossier des sauvegardes une fois par jour. Les scans n’y sont pas copiés : ils ne changent plus une fois importés. Restaurer une copie ramène vos dossiers à ce moment-là. Pour survivre à une panne de ce disque, sauvegardez aussi les dossiers et les scans dans un autre dossier.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sauvegardes, de la plus récente à la plus ancienne</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Restaurer la sauvegarde choisie</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Another folder: an external drive, a synced folder</source>
        <translation>Un autre dossier : un disque externe, un dossier synchronisé</translation>
    </message>
    <message>
        <source>Back up to another &amp;folder…</source>
        <translation>Sauvegarder dans un autre &amp;dossier…</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Sauvegarder &amp;là-bas maintenant</translation>
    </message>
    <message>
        <source>Back up now to the chosen folder</source>
        <translation>Sauvegarder maintenant dans le dossier choisi</translation>
    </message>
    <message>
        <source>Restore from a backup folder…</source>
        <translation>Restaurer depuis un dossier de sauvegarde…</translation>
    </message>
</context>
<context>
    <name>BannerView</name>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>ClaimController</name>
    <message>
        <source>Cannot open this claim</source>
        <translation>Impossible d&apos;ouvrir ce dossier</translation>
    </message>
    <message>
        <source>Cannot open this person</source>
        <translation>Impossible d’ouvrir cette personne</translation>
    </message>
    <message>
        <source>No care sheet</source>
        <translation>Pas de feuille de soins</translation>
    </message>
    <message>
        <source>Attach the care sheet first, then mark it signed.</source>
        <translation>Joignez d’abord la feuille de soins, puis marquez-la comme signée.</translation>
    </message>
    <message>
        <source>Cannot mark it signed</source>
        <translation>Impossible de la marquer comme signée</translation>
    </message>
    <message>
        <source>The care sheet is marked signed.</source>
        <translation>La feuille de soins est marquée comme signée.</translation>
    </message>
    <message>
        <source>Edit the claim</source>
        <translation>Modifier le dossier</translation>
    </message>
    <message>
        <source>Cannot change this claim</source>
        <translation>Impossible de modifier ce dossier</translation>
    </message>
    <message>
        <source>Cannot attach this document</source>
        <translation>Impossible de joindre ce document</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) attached.</source>
        <translation>
            <numerusform>%n document joint.</numerusform>
            <numerusform>%n documents joints.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from the claim?</source>
        <translation>Retirer du dossier ?</translation>
    </message>
    <message>
        <source>The document goes back to the inbox; it is not deleted.</source>
        <translation>Le document retourne dans la boîte de réception ; il n’est pas supprimé.</translation>
    </message>
    <message>
        <source>Cannot remove this document</source>
        <translation>Impossible de retirer ce document</translation>
    </message>
    <message>
        <source>The document is back in the inbox.</source>
        <translation>Le document est de retour dans la boîte de réception.</translation>
    </message>
</context>
<context>
    <name>ClaimFormDialog</name>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>What it was</source>
        <translation>De quoi il s’agit</translation>
    </message>
    <message>
        <source>e.g. Physiotherapy, Dr Martin</source>
        <translation>ex. Kinésithérapie, Dr Martin</translation>
    </message>
    <message>
        <source>Care date</source>
        <translation>Date des soins</translation>
    </message>
    <message>
        <source>Kind of care</source>
        <translation>Type de soins</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Montant payé</translation>
    </message>
    <message>
        <source>Base de remboursement</source>
        <translation>Base de remboursement</translation>
    </message>
    <message>
        <source>if different from the amount paid</source>
        <translation>si différente du montant payé</translation>
    </message>
    <message>
        <source>Tiers payant</source>
        <translation>Tiers payant</translation>
    </message>
    <message>
        <source>No: I paid everything</source>
        <translation>Non : j’ai tout payé</translation>
    </message>
    <message>
        <source>CPAM part paid directly</source>
        <translation>Part CPAM payée directement</translation>
    </message>
    <message>
        <source>Everything paid directly</source>
        <translation>Tout payé directement</translation>
    </message>
    <message>
        <source>Mutuelle part paid directly</source>
        <translation>Part mutuelle payée directement</translation>
    </message>
    <message>
        <source>How it was billed</source>
        <translation>Mode de facturation</translation>
    </message>
    <message>
        <source>Decide from the papers attached</source>
        <translation>D&apos;après les papiers joints</translation>
    </message>
    <message>
        <source>Carte Vitale: the professional sent it</source>
        <translation>Carte Vitale : le professionnel l&apos;a transmise</translation>
    </message>
    <message>
        <source>Paper care sheet that I post</source>
        <translation>Feuille de soins papier que j&apos;envoie</translation>
    </message>
    <message>
        <source>Tiers payant intégral: I paid nothing</source>
        <translation>Tiers payant intégral : je n&apos;ai rien avancé</translation>
    </message>
    <message>
        <source>With the carte Vitale the professional sends the care sheet electronically and the CPAM refunds on its own: there is nothing to post.</source>
        <translation>Avec la carte Vitale, le professionnel transmet la feuille de soins électronique et la CPAM rembourse d&apos;elle-même : rien à envoyer.</translation>
    </message>
    <message>
        <source>Acts, boxes, trips or days</source>
        <translation>Actes, boîtes, trajets ou jours</translation>
    </message>
    <message>
        <source>How many acts, medicine boxes or trips, or days in hospital: the deductions count them.</source>
        <translation>Combien d&apos;actes, de boîtes de médicaments, de trajets ou de jours d&apos;hospitalisation : les franchises et participations les comptent.</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>Gynaecology</source>
        <translation>Gynécologie</translation>
    </message>
    <message>
        <source>Ophthalmology</source>
        <translation>Ophtalmologie</translation>
    </message>
    <message>
        <source>Stomatology</source>
        <translation>Stomatologie</translation>
    </message>
    <message>
        <source>Psychiatry</source>
        <translation>Psychiatrie</translation>
    </message>
    <message>
        <source>Another specialty</source>
        <translation>Autre spécialité</translation>
    </message>
    <message>
        <source>Care path</source>
        <translation>Parcours de soins</translation>
    </message>
    <message>
        <source>As the person&apos;s médecin traitant says</source>
        <translation>Selon le médecin traitant de la personne</translation>
    </message>
    <message>
        <source>Within the care path (referred or médecin traitant)</source>
        <translation>Dans le parcours de soins (orienté ou médecin traitant)</translation>
    </message>
    <message>
        <source>Outside the care path</source>
        <translation>Hors parcours de soins</translation>
    </message>
    <message>
        <source>LPP code</source>
        <translation>Code LPP</translation>
    </message>
    <message>
        <source>for a device: the 7-character code on the invoice</source>
        <translation>pour un dispositif : le code à 7 caractères de la facture</translation>
    </message>
    <message>
        <source>LPP tariff</source>
        <translation>Tarif LPP</translation>
    </message>
    <message>
        <source>only if Paperasse does not know the code</source>
        <translation>seulement si Paperasse ne connaît pas le code</translation>
    </message>
    <message>
        <source>The tariff the supplier printed beside the LPP code: Paperasse remembers it for this code, and the CPAM&apos;s refund is counted on it.</source>
        <translation>Le tarif imprimé par le fournisseur à côté du code LPP : Paperasse le retient pour ce code, et le remboursement de la CPAM est calculé sur ce tarif.</translation>
    </message>
    <message>
        <source>A 100 % santé basket (glasses, dental, hearing aids)</source>
        <translation>Un panier 100 % santé (lunettes, dentaire, aides auditives)</translation>
    </message>
    <message>
        <source>Related to a long-term illness (ALD)</source>
        <translation>En rapport avec une affection de longue durée (ALD)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Personne</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Quoi</translation>
    </message>
    <message>
        <source>Care &amp;date</source>
        <translation>&amp;Date des soins</translation>
    </message>
    <message>
        <source>&amp;Kind of care</source>
        <translation>&amp;Type de soins</translation>
    </message>
    <message>
        <source>Amount &amp;paid (€)</source>
        <translation>Montant &amp;payé (€)</translation>
    </message>
    <message>
        <source>&amp;Base (€)</source>
        <translation>&amp;Base (€)</translation>
    </message>
    <message>
        <source>&amp;Billed</source>
        <translation>&amp;Facturation</translation>
    </message>
    <message>
        <source>&amp;Tiers payant</source>
        <translation>T&amp;iers payant</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>&amp;Unités</translation>
    </message>
    <message>
        <source>&amp;Specialty</source>
        <translation>&amp;Spécialité</translation>
    </message>
    <message>
        <source>Care pat&amp;h</source>
        <translation>&amp;Parcours</translation>
    </message>
    <message>
        <source>&amp;LPP code</source>
        <translation>Code &amp;LPP</translation>
    </message>
    <message>
        <source>LPP ta&amp;riff (€)</source>
        <translation>Ta&amp;rif LPP (€)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
</context>
<context>
    <name>ClaimRendering</name>
    <message>
        <source>paid %1</source>
        <translation>payé %1</translation>
    </message>
    <message>
        <source>The CPAM</source>
        <translation>La CPAM</translation>
    </message>
    <message>
        <source>Your mutuelle</source>
        <translation>Votre mutuelle</translation>
    </message>
    <message>
        <source>%1 pays the professional directly.</source>
        <translation>%1 paie directement le professionnel.</translation>
    </message>
    <message>
        <source>%1 does not cover this care.</source>
        <translation>%1 ne rembourse pas ces soins.</translation>
    </message>
    <message>
        <source>%1: no estimate yet.</source>
        <translation>%1 : pas encore d’estimation.</translation>
    </message>
    <message>
        <source>%1 should refund %2; %3 received.</source>
        <translation>%1 devrait rembourser %2 ; %3 reçus.</translation>
    </message>
    <message>
        <source>%1 should refund %2.</source>
        <translation>%1 devrait rembourser %2.</translation>
    </message>
    <message>
        <source>Left for you to pay: %1.</source>
        <translation>Reste à votre charge : %1.</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Reçu : %1</translation>
    </message>
    <message>
        <source>less than expected</source>
        <translation>moins que prévu</translation>
    </message>
    <message>
        <source>more than expected</source>
        <translation>plus que prévu</translation>
    </message>
    <message>
        <source>⚠ Follow-up due since %1</source>
        <translation>⚠ Relance à faire depuis le %1</translation>
    </message>
    <message>
        <source>⚠ The deadline to claim passed on %1</source>
        <translation>⚠ Le délai pour demander le remboursement a expiré le %1</translation>
    </message>
    <message>
        <source>⚠ Claim before %1</source>
        <translation>⚠ À envoyer avant le %1</translation>
    </message>
    <message>
        <source>Claim before %1</source>
        <translation>À envoyer avant le %1</translation>
    </message>
    <message>
        <source>Follow up on %1 if nothing arrives</source>
        <translation>Relancer le %1 si rien n’arrive</translation>
    </message>
    <message>
        <source>%1: sent electronically by the professional (carte Vitale)</source>
        <translation>%1 : transmise par le professionnel (carte Vitale)</translation>
    </message>
    <message>
        <source>%1: told by the CPAM (NOEMIE) after it paid the professional</source>
        <translation>%1 : transmise par la CPAM (NOEMIE) après avoir payé le professionnel</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>✓ Nothing is missing.</source>
        <translation>✓ Rien ne manque.</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Requis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Modifier la personne…</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Joindre un scan…</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>Marquer comme signée</translation>
    </message>
    <message>
        <source>Open the document</source>
        <translation>Ouvrir le document</translation>
    </message>
    <message>
        <source>Edit claim…</source>
        <translation>Modifier le dossier…</translation>
    </message>
</context>
<context>
    <name>ClaimSteps</name>
    <message>
        <source>Some papers are still missing for this payer. Record it anyway if you already sent it.</source>
        <translation>Il manque encore des papiers pour cet organisme. Enregistrez l’envoi quand même si vous l’avez déjà fait.</translation>
    </message>
    <message>
        <source>Recorded: sent to %1.</source>
        <translation>Enregistré : envoyé à %1.</translation>
    </message>
    <message>
        <source>This step cannot be recorded</source>
        <translation>Cette étape ne peut pas être enregistrée</translation>
    </message>
    <message>
        <source>Recorded: %1 paid %2.</source>
        <translation>Enregistré : %1 a versé %2.</translation>
    </message>
    <message>
        <source>Recorded: %1 rejected the claim.</source>
        <translation>Enregistré : %1 a refusé le dossier.</translation>
    </message>
    <message>
        <source>Nothing to undo on this claim.</source>
        <translation>Rien à annuler sur ce dossier.</translation>
    </message>
    <message>
        <source>Undone: the last %1 step.</source>
        <translation>Annulé : la dernière étape %1.</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Impossible d’annuler</translation>
    </message>
</context>
<context>
    <name>ClaimView</name>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit this claim</source>
        <translation>Modifier ce dossier</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Move this claim to the Trash</source>
        <translation>Mettre ce dossier à la corbeille</translation>
    </message>
    <message>
        <source>CPAM</source>
        <translation>CPAM</translation>
    </message>
    <message>
        <source>Mutuelle</source>
        <translation>Mutuelle</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Ce qui manque</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Documents of this claim</source>
        <translation>Documents de ce dossier</translation>
    </message>
    <message>
        <source>Drag documents from the inbox here to attach them.</source>
        <translation>Glissez ici des documents de la boîte de réception pour les joindre.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Joindre un scan…</translation>
    </message>
    <message>
        <source>Remove from claim (Del)</source>
        <translation>Retirer du dossier (Suppr)</translation>
    </message>
    <message>
        <source>What the guide says about this</source>
        <translation>Ce que dit le guide à ce sujet</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <source>Filter claims…</source>
        <translation>Filtrer les dossiers…</translation>
    </message>
    <message>
        <source>Filter claims</source>
        <translation>Filtrer les dossiers</translation>
    </message>
    <message>
        <source>New claim…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <source>Delete the person…</source>
        <translation>Supprimer la personne…</translation>
    </message>
    <message>
        <source>Move this person to the Trash</source>
        <translation>Mettre cette personne à la corbeille</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Documents in the inbox</source>
        <translation>Documents de la boîte de réception</translation>
    </message>
    <message>
        <source>Inbox: new documents to check. Drag one onto a claim above to attach it.</source>
        <translation>Boîte de réception : nouveaux documents à vérifier. Glissez-en un sur un dossier ci-dessus pour le joindre.</translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Care date</source>
        <translation>Date des soins</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>CPAM</source>
        <translation>CPAM</translation>
    </message>
    <message>
        <source>Mutuelle</source>
        <translation>Mutuelle</translation>
    </message>
    <message>
        <source>Expected back</source>
        <translation>Remboursement attendu</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message numerus="yes">
        <source>(%n thing(s) missing)</source>
        <translation>
            <numerusform>(%n élément manquant)</numerusform>
            <numerusform>(%n éléments manquants)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>Adding up what you are owed…</source>
        <translation>Calcul de ce qui vous est dû…</translation>
    </message>
    <message>
        <source>Your household&apos;s health paperwork</source>
        <translation>Les papiers santé de votre foyer</translation>
    </message>
    <message>
        <source>Add the people whose papers you keep</source>
        <translation>Ajoutez les personnes dont vous gérez les papiers</translation>
    </message>
    <message>
        <source>The CPAM owes you %1</source>
        <translation>La CPAM vous doit %1</translation>
    </message>
    <message>
        <source>The CPAM owes you nothing</source>
        <translation>La CPAM ne vous doit rien</translation>
    </message>
    <message>
        <source>Your mutuelle owes you %1</source>
        <translation>Votre mutuelle vous doit %1</translation>
    </message>
    <message>
        <source>Your mutuelle owes you nothing</source>
        <translation>Votre mutuelle ne vous doit rien</translation>
    </message>
    <message>
        <source>Chase the %1 — %2, %3 (%4): due since %5</source>
        <translation>Relancer la %1 — %2, %3 (%4) : à faire depuis le %5</translation>
    </message>
    <message>
        <source>Too late for the %1? %2, %3: the deadline was %4</source>
        <translation>Trop tard pour la %1 ? %2, %3 : le délai était le %4</translation>
    </message>
    <message>
        <source>Send to the %1 by %2 — %3, %4</source>
        <translation>Envoyer à la %1 avant le %2 — %3, %4</translation>
    </message>
    <message>
        <source>No deadline coming up.</source>
        <translation>Aucune échéance à venir.</translation>
    </message>
    <message>
        <source>Nothing to chase. All good.</source>
        <translation>Rien à relancer. Tout va bien.</translation>
    </message>
    <message>
        <source>Already received: %1</source>
        <translation>Déjà reçu : %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Next deadlines</source>
        <translation>Prochaines échéances</translation>
    </message>
    <message>
        <source>To chase</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <source>Payments to chase</source>
        <translation>Paiements à relancer</translation>
    </message>
    <message>
        <source>Person by person</source>
        <translation>Personne par personne</translation>
    </message>
    <message>
        <source>Amounts owed person by person</source>
        <translation>Montants dus personne par personne</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>CPAM owes</source>
        <translation>Dû par la CPAM</translation>
    </message>
    <message>
        <source>Mutuelle owes</source>
        <translation>Dû par la mutuelle</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
</context>
<context>
    <name>DeletedNotice</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>Annuler la suppression</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Cannot open this document</source>
        <translation>Impossible d’ouvrir ce document</translation>
    </message>
    <message>
        <source>Imported on %1</source>
        <translation>Importé le %1</translation>
    </message>
    <message>
        <source>the text was not read (OCR is not installed)</source>
        <translation>le texte n’a pas été lu (l’OCR n’est pas installé)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation>
            <numerusform>%n champ à vérifier</numerusform>
            <numerusform>%n champs à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>all fields checked</source>
        <translation>tous les champs vérifiés</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
</context>
<context>
    <name>DocumentFields</name>
    <message>
        <source>not read on the scan — type it if the paper shows it</source>
        <translation>pas lu sur le scan — tapez-le si le papier l&apos;indique</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>not checked yet: press Enter if it is right</source>
        <translation>pas encore vérifié : appuyez sur Entrée si c’est juste</translation>
    </message>
    <message>
        <source>This value cannot be used</source>
        <translation>Cette valeur ne peut pas être utilisée</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>La modification n&apos;a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>Remembered where %1 stands on this issuer&apos;s papers: their next ones are read there first (Settings › Remembered layouts).</source>
        <translation>Paperasse retient où %1 se trouve sur les papiers de cet émetteur : les suivants y seront lus d&apos;abord (Paramètres › Mises en page retenues).</translation>
    </message>
    <message>
        <source>No field change to undo.</source>
        <translation>Aucune modification de champ à annuler.</translation>
    </message>
    <message>
        <source>Undone: %1 is back as it was.</source>
        <translation>Annulé : %1 est revenu comme avant.</translation>
    </message>
</context>
<context>
    <name>DocumentFiling</name>
    <message>
        <source>Attached to the claim “%1” of %2.</source>
        <translation>Joint au dossier « %1 » du %2.</translation>
    </message>
    <message>
        <source>In the inbox. It may belong to:</source>
        <translation>Dans la boîte de réception. Il pourrait appartenir à :</translation>
    </message>
    <message>
        <source>In the inbox. No claim matches its person, date and amount yet.</source>
        <translation>Dans la boîte de réception. Aucun dossier ne correspond encore à sa personne, sa date et son montant.</translation>
    </message>
    <message>
        <source>Cannot change whose document this is</source>
        <translation>Impossible de changer la personne de ce document</translation>
    </message>
    <message>
        <source>This paper names %1, not %2: check whose document it is.</source>
        <translation>Ce papier est au nom de %1, pas de %2 : vérifiez à qui il est.</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Déplacer vers %1</translation>
    </message>
    <message>
        <source>This paper shows, for %1&apos;s record:</source>
        <translation>Ce document indique, pour la fiche de %1 :</translation>
    </message>
    <message>
        <source>Add to %1&apos;s record…</source>
        <translation>Ajouter à la fiche de %1…</translation>
    </message>
    <message>
        <source>(instead of %1)</source>
        <translation>(au lieu de %1)</translation>
    </message>
    <message>
        <source>Add to the record</source>
        <translation>Ajouter à la fiche</translation>
    </message>
    <message>
        <source>Write these values in %1&apos;s record?</source>
        <translation>Enregistrer ces valeurs dans la fiche de %1 ?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cannot change the record</source>
        <translation>Impossible de modifier la fiche</translation>
    </message>
    <message>
        <source>%1&apos;s record updated from this paper.</source>
        <translation>Fiche de %1 mise à jour à partir de ce document.</translation>
    </message>
    <message>
        <source>Cannot change the kind</source>
        <translation>Impossible de changer le type</translation>
    </message>
    <message>
        <source>Cannot attach this document</source>
        <translation>Impossible de joindre ce document</translation>
    </message>
    <message>
        <source>Cannot start a claim from this document</source>
        <translation>Impossible de créer un dossier à partir de ce document</translation>
    </message>
</context>
<context>
    <name>DocumentPages</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The page cannot be shown: %1</source>
        <translation>La page ne peut pas être affichée : %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>The original cannot be opened</source>
        <translation>L’original ne peut pas être ouvert</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Move this document to the Trash</source>
        <translation>Mettre ce document à la corbeille</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Page précédente (Page préc.)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Page suivante (Page suiv.)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Dézoomer (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Dézoomer</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoomer (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoomer</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the page (Ctrl+0)</source>
        <translation>Ajuster la page (Ctrl+0)</translation>
    </message>
    <message>
        <source>Rotate a quarter turn (Ctrl+R)</source>
        <translation>Tourner d’un quart de tour (Ctrl+R)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Tourner</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>Ouvrir l’original</translation>
    </message>
    <message>
        <source>Page of the document</source>
        <translation>Page du document</translation>
    </message>
    <message>
        <source>&amp;Whose document</source>
        <translation>&amp;À qui</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>What was read</source>
        <translation>Ce qui a été lu</translation>
    </message>
    <message>
        <source>Nothing could be read on this document. You can still file it.</source>
        <translation>Rien n’a pu être lu sur ce document. Vous pouvez quand même le classer.</translation>
    </message>
    <message>
        <source>Everything is right (Ctrl+Enter)</source>
        <translation>Tout est juste (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Mark every field as checked, keeping what you corrected</source>
        <translation>Marquer tous les champs comme vérifiés, en gardant vos corrections</translation>
    </message>
    <message>
        <source>Undo the last field change</source>
        <translation>Annuler la dernière saisie</translation>
    </message>
    <message>
        <source>Put the last field you typed back as it was</source>
        <translation>Remettre le dernier champ saisi comme il était</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Claims this document may belong to</source>
        <translation>Dossiers auxquels ce document pourrait appartenir</translation>
    </message>
    <message>
        <source>&amp;Attach to this claim</source>
        <translation>&amp;Joindre à ce dossier</translation>
    </message>
    <message>
        <source>&amp;New claim from this document</source>
        <translation>&amp;Nouveau dossier à partir de ce document</translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation>Ouvrir le dossier</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>DocumentsTableModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <source>Not read (no OCR)</source>
        <translation>Non lu (pas d’OCR)</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Vérifié</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation>
            <numerusform>%n champ à vérifier</numerusform>
            <numerusform>%n champs à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>In the inbox</source>
        <translation>Dans la boîte de réception</translation>
    </message>
    <message>
        <source>Claim %1</source>
        <translation>Dossier %1</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Paperasse guide</source>
        <translation>Guide de Paperasse</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Chercher dans le guide (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Chercher dans le guide</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Contents of the guide</source>
        <translation>Sommaire du guide</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import scans and PDFs</source>
        <translation>Importer des scans et des PDF</translation>
    </message>
    <message>
        <source>Scans and PDFs (%1);;All files (*)</source>
        <translation>Scans et PDF (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Preparing the import…</source>
        <translation>Préparation de l’import…</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Arrêt après l&apos;étape en cours…</translation>
    </message>
    <message>
        <source>decoding the image</source>
        <translation>décodage de l&apos;image</translation>
    </message>
    <message>
        <source>preparing it</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>reading the text</source>
        <translation>lecture du texte</translation>
    </message>
    <message>
        <source>finding the fields</source>
        <translation>recherche des champs</translation>
    </message>
    <message>
        <source>page %1 of %2: %3</source>
        <translation>page %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Reading %1 (%2 of %3): %4</source>
        <translation>Lecture de %1 (%2 sur %3) : %4</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <source>Reading %1 (%2 of %3)</source>
        <translation>Lecture de %1 (%2 sur %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>%n document importé</numerusform>
            <numerusform>%n documents importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présent</numerusform>
            <numerusform>%n déjà présents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n n’a pas pu être lu</numerusform>
            <numerusform>%n n’ont pas pu être lus</numerusform>
        </translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>import annulé</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Certains fichiers n’ont pas été importés</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>L’import a échoué</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>L’image collée n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to import.</source>
        <translation>Le presse-papiers ne contient ni image ni fichier à importer.</translation>
    </message>
    <message>
        <source>%1 names %2, not %3</source>
        <translation>%1 est au nom de %2, pas de %3</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Not sent yet</source>
        <translation>Pas encore envoyé</translation>
    </message>
    <message>
        <source>Missing papers</source>
        <translation>Papiers manquants</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Prêt à envoyer</translation>
    </message>
    <message>
        <source>Sent, waiting</source>
        <translation>Envoyé, en attente</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Paid directly</source>
        <translation>Payé directement</translation>
    </message>
    <message>
        <source>Nothing to claim</source>
        <translation>Rien à demander</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>Ordonnance</translation>
    </message>
    <message>
        <source>Care sheet</source>
        <translation>Feuille de soins</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Autre document</translation>
    </message>
    <message>
        <source>Doctor&apos;s visit</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Spécialiste</translation>
    </message>
    <message>
        <source>Dental care</source>
        <translation>Soins dentaires</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Pharmacie</translation>
    </message>
    <message>
        <source>Medical device</source>
        <translation>Dispositif médical</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Midwife</source>
        <translation>Sage-femme</translation>
    </message>
    <message>
        <source>Practitioner&apos;s receipt</source>
        <translation>Note d&apos;honoraires ou reçu</translation>
    </message>
    <message>
        <source>Pharmacy receipt</source>
        <translation>Ticket de pharmacie</translation>
    </message>
    <message>
        <source>Attestation de droits</source>
        <translation>Attestation de droits</translation>
    </message>
    <message>
        <source>Mutuelle card</source>
        <translation>Carte de mutuelle</translation>
    </message>
    <message>
        <source>RIB (bank details)</source>
        <translation>RIB</translation>
    </message>
    <message>
        <source>Physiotherapy</source>
        <translation>Kinésithérapie</translation>
    </message>
    <message>
        <source>Nursing care</source>
        <translation>Soins infirmiers</translation>
    </message>
    <message>
        <source>Speech therapy</source>
        <translation>Orthophonie</translation>
    </message>
    <message>
        <source>Other paramedical care</source>
        <translation>Autres soins paramédicaux</translation>
    </message>
    <message>
        <source>Lab tests</source>
        <translation>Analyses de laboratoire</translation>
    </message>
    <message>
        <source>Radiology</source>
        <translation>Radiologie</translation>
    </message>
    <message>
        <source>Glasses and lenses</source>
        <translation>Lunettes et lentilles</translation>
    </message>
    <message>
        <source>Hearing aids</source>
        <translation>Aides auditives</translation>
    </message>
    <message>
        <source>Psychiatric hospital</source>
        <translation>Hôpital psychiatrique</translation>
    </message>
    <message>
        <source>Taxi, VSL or ambulance</source>
        <translation>Taxi, VSL ou ambulance</translation>
    </message>
    <message>
        <source>Own car or public transport</source>
        <translation>Véhicule personnel ou transports en commun</translation>
    </message>
    <message>
        <source>Other care</source>
        <translation>Autres soins</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Social security number</source>
        <translation>Numéro de sécurité sociale</translation>
    </message>
    <message>
        <source>Insured person&apos;s number</source>
        <translation>Numéro de l’assuré</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Patient&apos;s birth date</source>
        <translation>Date de naissance du patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Care date</source>
        <translation>Date des soins</translation>
    </message>
    <message>
        <source>Statement date</source>
        <translation>Date du relevé</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>Montant total</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Montant payé</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>Prescriber&apos;s RPPS number</source>
        <translation>Numéro RPPS du prescripteur</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Numéro de facture</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Caisse (CPAM)</source>
        <translation>Caisse (CPAM)</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>Numéro d&apos;adhérent</translation>
    </message>
    <message>
        <source>Mutuelle&apos;s AMC number</source>
        <translation>Numéro AMC de la mutuelle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <source>ADELI number</source>
        <translation>Numéro ADELI</translation>
    </message>
    <message>
        <source>SIRET number</source>
        <translation>Numéro SIRET</translation>
    </message>
    <message>
        <source>LPP code</source>
        <translation>Code LPP</translation>
    </message>
    <message>
        <source>LPP codes</source>
        <translation>Codes LPP</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Prescriptions</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signée</translation>
    </message>
    <message>
        <source>Long-term illness (ALD)</source>
        <translation>Affection de longue durée (ALD)</translation>
    </message>
    <message>
        <source>Renewable</source>
        <translation>Renouvelable</translation>
    </message>
    <message>
        <source>a guess from the PDF (%1 %): check it</source>
        <translation>une supposition tirée du PDF (%1 %) : vérifiez-la</translation>
    </message>
    <message>
        <source>a guess by OCR (%1 %): check it</source>
        <translation>une supposition de l’OCR (%1 %) : vérifiez-la</translation>
    </message>
    <message>
        <source>Mutuelle</source>
        <translation>Mutuelle</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Par courrier</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Forwarded by the CPAM (NOEMIE)</source>
        <translation>Transmis par la CPAM (NOEMIE)</translation>
    </message>
    <message>
        <source>typed by you</source>
        <translation>saisi par vous</translation>
    </message>
    <message>
        <source>read from the PDF</source>
        <translation>lu dans le PDF</translation>
    </message>
    <message>
        <source>read by OCR</source>
        <translation>lu par OCR</translation>
    </message>
    <message>
        <source>read from the PDF, sure (%1 %)</source>
        <translation>lu dans le PDF, sûr (%1 %)</translation>
    </message>
    <message>
        <source>read by OCR, sure (%1 %)</source>
        <translation>lu par OCR, sûr (%1 %)</translation>
    </message>
    <message>
        <source>read from the PDF, fairly sure (%1 %)</source>
        <translation>lu dans le PDF, assez sûr (%1 %)</translation>
    </message>
    <message>
        <source>read by OCR, fairly sure (%1 %)</source>
        <translation>lu par OCR, assez sûr (%1 %)</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>Faite par vous</translation>
    </message>
    <message>
        <source>Daily copy</source>
        <translation>Copie quotidienne</translation>
    </message>
    <message>
        <source>Safety copy before a restore</source>
        <translation>Copie de sécurité avant une restauration</translation>
    </message>
    <message>
        <source>Safety copy before an import</source>
        <translation>Copie de sécurité avant un import</translation>
    </message>
    <message>
        <source>Before an update of Paperasse</source>
        <translation>Avant une mise à jour de Paperasse</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayoutsController</name>
    <message>
        <source>SIRET %1</source>
        <translation>SIRET %1</translation>
    </message>
    <message>
        <source>RPPS %1</source>
        <translation>RPPS %1</translation>
    </message>
    <message>
        <source>letterhead</source>
        <translation>en-tête</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget every layout?</source>
        <translation>Oublier toutes les mises en page ?</translation>
    </message>
    <message>
        <source>Paperasse will read every issuer&apos;s papers as if it had never seen them; your documents and their fields stay as they are.</source>
        <translation>Paperasse lira les papiers de chaque émetteur comme s&apos;il ne les avait jamais vus ; vos documents et leurs champs restent tels quels.</translation>
    </message>
    <message>
        <source>Forget all</source>
        <translation>Tout oublier</translation>
    </message>
</context>
<context>
    <name>LayoutsView</name>
    <message>
        <source>Remembered layouts</source>
        <translation>Mises en page retenues</translation>
    </message>
    <message>
        <source>When you correct a field of a document, Paperasse remembers where it stood on that issuer&apos;s papers (the words printed before it, its place on the page) and reads the next papers of the same issuer there first. Forget a layout if its papers changed.</source>
        <translation>Quand vous corrigez un champ d&apos;un document, Paperasse retient où il se trouvait sur les papiers de cet émetteur (les mots imprimés devant, sa place sur la page) et le lit d&apos;abord à cet endroit sur les papiers suivants du même émetteur. Oubliez une mise en page si ses papiers ont changé.</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Known by</source>
        <translation>Reconnu par</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisée</translation>
    </message>
    <message>
        <source>Nothing remembered yet: correcting a field of a document teaches its issuer&apos;s layout.</source>
        <translation>Rien n&apos;est encore retenu : corriger un champ d&apos;un document apprend la mise en page de son émetteur.</translation>
    </message>
    <message>
        <source>&amp;Forget this layout</source>
        <translation>&amp;Oublier cette mise en page</translation>
    </message>
    <message>
        <source>Forget the selected layout</source>
        <translation>Oublier la mise en page choisie</translation>
    </message>
    <message>
        <source>Forget &amp;all</source>
        <translation>&amp;Tout oublier</translation>
    </message>
</context>
<context>
    <name>Mailing</name>
    <message>
        <source>Print the mailing</source>
        <translation>Imprimer l’envoi</translation>
    </message>
    <message>
        <source>Save the mailing</source>
        <translation>Enregistrer l’envoi</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Claim not complete</source>
        <translation>Dossier incomplet</translation>
    </message>
    <message>
        <source>This claim is not ready to send to %1:</source>
        <translation>Ce dossier n’est pas prêt à être envoyé à %1 :</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Prepare anyway</source>
        <translation>Préparer quand même</translation>
    </message>
    <message>
        <source>Fix these first, or prepare the mailing anyway.</source>
        <translation>Corrigez d’abord ces points, ou préparez l’envoi quand même.</translation>
    </message>
    <message>
        <source>Cannot prepare the mailing</source>
        <translation>Impossible de préparer l’envoi</translation>
    </message>
    <message>
        <source>The mailing to %1 is ready: %2 pages (letter, %3 document(s), and a memo to keep on the last page).</source>
        <translation>L’envoi à %1 est prêt : %2 pages (lettre, %3 document(s), et un aide-mémoire à garder en dernière page).</translation>
    </message>
    <message>
        <source>Mailing ready</source>
        <translation>Envoi prêt</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Enter the caisse&apos;s address…</source>
        <translation>Saisir l&apos;adresse de la caisse…</translation>
    </message>
    <message>
        <source>Enter the mutuelle&apos;s address…</source>
        <translation>Saisir l&apos;adresse de la mutuelle…</translation>
    </message>
    <message>
        <source>Change the caisse…</source>
        <translation>Changer de caisse…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cannot save the mailing</source>
        <translation>Impossible d’enregistrer l’envoi</translation>
    </message>
    <message>
        <source>Mark as sent?</source>
        <translation>Marquer comme envoyé ?</translation>
    </message>
    <message>
        <source>Mark as sent today?</source>
        <translation>Marquer comme envoyé aujourd’hui ?</translation>
    </message>
    <message>
        <source>Record that the claim was posted to %1 today.</source>
        <translation>Noter que le dossier a été posté à %1 aujourd’hui.</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Marquer comme envoyé</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Cannot mark it sent</source>
        <translation>Impossible de le marquer envoyé</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Paperasse — demo household</source>
        <translation>Paperasse — foyer de démonstration</translation>
    </message>
    <message>
        <source>About Paperasse</source>
        <translation>À propos de Paperasse</translation>
    </message>
    <message>
        <source>Paperasse %1
Keeps your household&apos;s health paperwork in order, on this computer.</source>
        <translation>Paperasse %1
Tient en ordre les papiers santé de votre foyer, sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation>Arrêter l’import ?</translation>
    </message>
    <message>
        <source>Documents are still being imported. Stop after the current page and quit?</source>
        <translation>Des documents sont encore en cours d’import. Arrêter après la page en cours et quitter ?</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu : %1</translation>
    </message>
</context>
<context>
    <name>NamesOtherNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Déplacer vers %1</translation>
    </message>
</context>
<context>
    <name>NewPassphraseView</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>The records stay as they are; only the passphrase that opens them changes. The recovery key keeps working.</source>
        <translation>Les dossiers restent tels quels ; seule change la phrase secrète qui les ouvre. La clé de secours reste valable.</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Protéger par une phrase secrète</translation>
    </message>
    <message>
        <source>On a shared computer, a passphrase keeps the household&apos;s records, scans and backups unreadable to anyone who does not know it. Paperasse asks for it when it starts, and locks itself when nobody uses it.</source>
        <translation>Sur un ordinateur partagé, une phrase secrète rend les dossiers, les scans et les sauvegardes du foyer illisibles pour qui ne la connaît pas. Paperasse la demande au démarrage et se verrouille quand personne ne s&apos;en sert.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Phrase secrète &amp;actuelle</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>The same &amp;again</source>
        <translation>&amp;La même encore une fois</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nouvelle phrase secrète, encore une fois</translation>
    </message>
    <message>
        <source>If the passphrase is forgotten, the data is gone: nobody, not even Paperasse, can read it again. A recovery key is shown next: print it or write it down, and keep it away from this computer.</source>
        <translation>Si la phrase secrète est oubliée, les données sont perdues : personne, pas même Paperasse, ne pourra plus les lire. Une clé de secours s&apos;affiche ensuite : imprimez-la ou recopiez-la, et gardez-la loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>I &amp;understand: a forgotten passphrase cannot be recovered</source>
        <translation>J&apos;ai &amp;compris : une phrase secrète oubliée ne se retrouve pas</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Changer</translation>
    </message>
    <message>
        <source>&amp;Protect</source>
        <translation>&amp;Protéger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Wrong passphrase: nothing was opened or changed. Type it again.</source>
        <translation>Phrase secrète incorrecte : rien n&apos;a été ouvert ni modifié. Tapez-la à nouveau.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters (a few words are easiest to remember).</source>
        <translation>La phrase secrète est trop courte : au moins %1 caractères (quelques mots se retiennent le mieux).</translation>
    </message>
    <message>
        <source>The data folder is open in another Paperasse (or a command): close it and try again. Nothing was changed.</source>
        <translation>Le dossier de données est ouvert dans un autre Paperasse (ou une commande) : fermez-le et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Working out the key…</source>
        <translation>Calcul de la clé…</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Vérification de la phrase secrète…</translation>
    </message>
    <message>
        <source>The two new passphrases differ: type them again.</source>
        <translation>Les deux nouvelles phrases secrètes diffèrent : tapez-les à nouveau.</translation>
    </message>
    <message>
        <source>Tick the box to say a forgotten passphrase cannot be recovered.</source>
        <translation>Cochez la case pour dire qu’une phrase secrète oubliée ne se retrouve pas.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Changement de la phrase secrète…</translation>
    </message>
    <message>
        <source>Encrypting the data folder: %v of %m files</source>
        <translation>Chiffrement du dossier de données : %v fichiers sur %m</translation>
    </message>
    <message>
        <source>Decrypting the data folder: %v of %m files</source>
        <translation>Déchiffrement du dossier de données : %v fichiers sur %m</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment from %1</source>
        <translation>Paiement de %1</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>Montant reçu</translation>
    </message>
    <message>
        <source>Date of the payment</source>
        <translation>Date du paiement</translation>
    </message>
    <message>
        <source>&amp;Amount received (€)</source>
        <translation>&amp;Montant reçu (€)</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>&amp;Payé le</translation>
    </message>
</context>
<context>
    <name>PersonController</name>
    <message>
        <source>Not given</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>General regime</source>
        <translation>Régime général</translation>
    </message>
    <message>
        <source>Alsace-Moselle</source>
        <translation>Alsace-Moselle</translation>
    </message>
    <message>
        <source>Other regime</source>
        <translation>Autre régime</translation>
    </message>
    <message>
        <source>Insured in their own name</source>
        <translation>Assuré(e) en son nom propre</translation>
    </message>
    <message>
        <source>Beneficiary of %1</source>
        <translation>Ayant droit de %1</translation>
    </message>
    <message>
        <source>Edit a person</source>
        <translation>Modifier une personne</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>The caisse and the regime are those of %1, the insured person (read-only here): change them in %1&apos;s form.</source>
        <translation>La caisse et le régime sont ceux de %1, l&apos;assuré (en lecture seule ici) : modifiez-les dans la fiche de %1.</translation>
    </message>
    <message>
        <source>Left empty, %1&apos;s mutuelle is used: %2. Fill it in only if this person has a contract of their own.</source>
        <translation>Laissé vide, la mutuelle de %1 s&apos;applique : %2. Ne le remplissez que si cette personne a son propre contrat.</translation>
    </message>
    <message>
        <source>Left empty, %1&apos;s mutuelle is used (none is recorded for %1 yet).</source>
        <translation>Laissé vide, la mutuelle de %1 s&apos;applique (aucune n&apos;est encore enregistrée pour %1).</translation>
    </message>
    <message>
        <source>Not a date: type it as DD/MM/YYYY, e.g. 04/07/1985</source>
        <translation>Ce n’est pas une date : tapez-la sous la forme JJ/MM/AAAA, par ex. 04/07/1985</translation>
    </message>
    <message>
        <source>valid number</source>
        <translation>numéro valide</translation>
    </message>
    <message>
        <source>valid IBAN</source>
        <translation>IBAN valide</translation>
    </message>
    <message>
        <source>The person could not be saved</source>
        <translation>La personne n’a pas pu être enregistrée</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Assurance maladie</translation>
    </message>
    <message>
        <source>Mutuelle</source>
        <translation>Mutuelle</translation>
    </message>
    <message>
        <source>Bank and notes</source>
        <translation>Banque et notes</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Date de &amp;naissance</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexe</translation>
    </message>
    <message>
        <source>Social security &amp;number (NIR)</source>
        <translation>N° de &amp;sécurité sociale (NIR)</translation>
    </message>
    <message>
        <source>&amp;Covered through</source>
        <translation>&amp;Couvert par</translation>
    </message>
    <message>
        <source>Postal a&amp;ddress</source>
        <translation>A&amp;dresse postale</translation>
    </message>
    <message>
        <source>CPAM / &amp;caisse</source>
        <translation>CPAM / &amp;caisse</translation>
    </message>
    <message>
        <source>Caisse &amp;code</source>
        <translation>C&amp;ode de la caisse</translation>
    </message>
    <message>
        <source>Caisse &amp;address</source>
        <translation>&amp;Adresse de la caisse</translation>
    </message>
    <message>
        <source>&amp;Regime</source>
        <translation>&amp;Régime</translation>
    </message>
    <message>
        <source>&amp;Mutuelle</source>
        <translation>&amp;Mutuelle</translation>
    </message>
    <message>
        <source>Member n&amp;umber</source>
        <translation>N° d’&amp;adhérent</translation>
    </message>
    <message>
        <source>Mutuelle a&amp;ddress</source>
        <translation>A&amp;dresse de la mutuelle</translation>
    </message>
    <message>
        <source>Contract&apos;s claim &amp;deadline (days)</source>
        <translation>&amp;Délai de demande du contrat (jours)</translation>
    </message>
    <message>
        <source>&amp;Guarantees</source>
        <translation>&amp;Garanties</translation>
    </message>
    <message>
        <source>&amp;IBAN for refunds</source>
        <translation>&amp;IBAN des remboursements</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Has declared a médecin traitant</source>
        <translation>A déclaré un médecin traitant</translation>
    </message>
    <message>
        <source>Has a long-term illness (ALD)</source>
        <translation>A une affection de longue durée (ALD)</translation>
    </message>
    <message>
        <source>Has the Complémentaire santé solidaire (CSS)</source>
        <translation>Bénéficie de la Complémentaire santé solidaire (CSS)</translation>
    </message>
    <message>
        <source>NOEMIE link: the CPAM forwards claims to the mutuelle</source>
        <translation>Liaison NOEMIE : la CPAM transmet les dossiers à la mutuelle</translation>
    </message>
    <message>
        <source>Contrat responsable (almost every contract is)</source>
        <translation>Contrat responsable (c&apos;est le cas de presque tous)</translation>
    </message>
    <message>
        <source>A contrat responsable covers the 100 % santé baskets and the hospital&apos;s daily charge, but never what the CPAM keeps when you are outside the care path.</source>
        <translation>Un contrat responsable couvre les paniers 100 % santé et le forfait journalier hospitalier, mais jamais ce que la CPAM retient hors parcours de soins.</translation>
    </message>
    <message>
        <source>the legal 2 years</source>
        <translation>les 2 ans légaux</translation>
    </message>
    <message>
        <source>Kind of care</source>
        <translation>Type de soins</translation>
    </message>
    <message>
        <source>Guarantee</source>
        <translation>Garantie</translation>
    </message>
    <message>
        <source>Write guarantees as on the contract: 100% BR, forfait:150, frais-reels</source>
        <translation>Écrivez les garanties comme sur le contrat : 100% BR, forfait:150, frais-reels</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’import</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Type de fichier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <source>Recovery key</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <source>This recovery key opens the data folder if the passphrase is forgotten. It is shown only now.</source>
        <translation>Cette clé de secours ouvre le dossier de données si la phrase secrète est oubliée. Elle n&apos;est affichée que maintenant.</translation>
    </message>
    <message>
        <source>Print it or write it down, and keep it somewhere safe away from this computer. Without the passphrase or this key, the data cannot be read by anyone.</source>
        <translation>Imprimez-la ou recopiez-la, et rangez-la en lieu sûr, loin de cet ordinateur. Sans la phrase secrète ni cette clé, personne ne peut lire les données.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>I have &amp;kept it</source>
        <translation>Je l’ai &amp;conservée</translation>
    </message>
    <message>
        <source>Paperasse: recovery key for the data folder</source>
        <translation>Paperasse : clé de secours du dossier de données</translation>
    </message>
    <message>
        <source>This key opens the data folder if the passphrase is forgotten. Keep this page somewhere safe, away from the computer. Without the passphrase or this key, the data cannot be read by anyone.</source>
        <translation>Cette clé ouvre le dossier de données si la phrase secrète est oubliée. Rangez cette page en lieu sûr, loin de l&apos;ordinateur. Sans la phrase secrète ni cette clé, personne ne peut lire les données.</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <source>%1 rejected the claim</source>
        <translation>%1 a refusé le dossier</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>Motif donné</translation>
    </message>
    <message>
        <source>e.g. prescription missing</source>
        <translation>ex. ordonnance manquante</translation>
    </message>
    <message>
        <source>&amp;Reason given</source>
        <translation>&amp;Motif donné</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>Reminders could not be worked out: %1</source>
        <translation>Les rappels n&apos;ont pas pu être calculés : %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n rappel à traiter</numerusform>
            <numerusform>%n rappels à traiter</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Show the claims</source>
        <translation>Voir les dossiers</translation>
    </message>
</context>
<context>
    <name>RemovePassphraseView</name>
    <message>
        <source>Remove the passphrase</source>
        <translation>Retirer la phrase secrète</translation>
    </message>
    <message>
        <source>The records, scans and backups are decrypted in place (a backup is taken first). Anyone using this computer account can then read them.</source>
        <translation>Les dossiers, les scans et les sauvegardes sont déchiffrés sur place (une sauvegarde est faite d&apos;abord). Toute personne utilisant ce compte de l&apos;ordinateur pourra alors les lire.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Phrase secrète &amp;actuelle</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>&amp;Remove the passphrase</source>
        <translation>&amp;Retirer la phrase secrète</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SafekeepingController</name>
    <message>
        <source>Backed up: %1 (%2).</source>
        <translation>Sauvegardé : %1 (%2).</translation>
    </message>
    <message>
        <source>Copying your records and scans…</source>
        <translation>Copie de vos dossiers et de vos scans…</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>La sauvegarde a échoué</translation>
    </message>
    <message>
        <source>Restore from a backup folder</source>
        <translation>Restaurer depuis un dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Cannot restore now</source>
        <translation>Impossible de restaurer maintenant</translation>
    </message>
    <message>
        <source>Documents are being imported. Restore once the import has finished.</source>
        <translation>Des documents sont en cours d&apos;import. Restaurez une fois l&apos;import terminé.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>The data folder cannot be opened</source>
        <translation>Le dossier de données ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>Backup restored. Your records as they were just before are in the safety copy %1.</source>
        <translation>Sauvegarde restaurée. Vos données telles qu&apos;elles étaient juste avant sont dans la copie de sécurité %1.</translation>
    </message>
    <message numerus="yes">
        <source>Backup restored from %1: %n scan(s) copied.</source>
        <translation>
            <numerusform>Sauvegarde restaurée depuis %1 : %n scan copié.</numerusform>
            <numerusform>Sauvegarde restaurée depuis %1 : %n scans copiés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) this backup refers to are missing or changed in the data folder.</source>
        <translation>
            <numerusform>%n scan auquel cette sauvegarde renvoie manque ou a changé dans le dossier de données.</numerusform>
            <numerusform>%n scans auxquels cette sauvegarde renvoie manquent ou ont changé dans le dossier de données.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) could not be brought back (missing or damaged in the backup folder): %1</source>
        <translation>
            <numerusform>%n scan n’a pas pu être récupéré (absent ou abîmé dans le dossier de sauvegarde) : %1</numerusform>
            <numerusform>%n scans n’ont pas pu être récupérés (absents ou abîmés dans le dossier de sauvegarde) : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>La sauvegarde n&apos;a pas été restaurée</translation>
    </message>
    <message>
        <source>Export everything to an archive</source>
        <translation>Exporter tout dans une archive</translation>
    </message>
    <message>
        <source>Archives (*.zip)</source>
        <translation>Archives (*.zip)</translation>
    </message>
    <message>
        <source>Writing the archive…</source>
        <translation>Écriture de l&apos;archive…</translation>
    </message>
    <message>
        <source>Archive written: %1 (%2, %3).</source>
        <translation>Archive écrite : %1 (%2, %3).</translation>
    </message>
    <message>
        <source>The archive was not written</source>
        <translation>L&apos;archive n&apos;a pas été écrite</translation>
    </message>
    <message>
        <source>Import an archive</source>
        <translation>Importer une archive</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>Vérification de l&apos;archive…</translation>
    </message>
    <message>
        <source>This archive cannot be imported</source>
        <translation>Cette archive ne peut pas être importée</translation>
    </message>
    <message>
        <source>Import this archive?</source>
        <translation>Importer cette archive ?</translation>
    </message>
    <message numerus="yes">
        <source>This archive of %1 holds %2 and %n scan(s).</source>
        <translation>
            <numerusform>Cette archive du %1 contient %2 et %n scan.</numerusform>
            <numerusform>Cette archive du %1 contient %2 et %n scans.</numerusform>
        </translation>
    </message>
    <message>
        <source>Into an empty household it is restored as it was. Otherwise only what is not here yet is added; nothing here is changed or removed, and a safety copy of your records is taken first.</source>
        <translation>Dans un foyer vide, elle est restaurée telle quelle. Sinon, seul ce qui manque ici est ajouté ; rien n&apos;est modifié ni supprimé, et une copie de sécurité de vos données est faite d&apos;abord.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Importing the archive…</source>
        <translation>Import de l&apos;archive…</translation>
    </message>
    <message>
        <source>The archive was not imported</source>
        <translation>L&apos;archive n&apos;a pas été importée</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Ajouté : %1.</translation>
    </message>
    <message>
        <source>Already here, skipped: %1.</source>
        <translation>Déjà présents, ignorés : %1.</translation>
    </message>
    <message>
        <source>Safety copy taken first: %1.</source>
        <translation>Copie de sécurité faite d&apos;abord : %1.</translation>
    </message>
    <message>
        <source>Archive imported</source>
        <translation>Archive importée</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>People (%1)</source>
        <translation>Personnes (%1)</translation>
    </message>
    <message>
        <source>Claims (%1)</source>
        <translation>Dossiers (%1)</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>caisse</source>
        <translation>caisse</translation>
    </message>
    <message>
        <source>mutuelle</source>
        <translation>mutuelle</translation>
    </message>
    <message>
        <source>title</source>
        <translation>intitulé</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>professionnel</translation>
    </message>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>kind of care</source>
        <translation>type de soins</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>… and %1 more: type more words to narrow the search</source>
        <translation>… et %1 de plus : tapez d’autres mots pour affiner la recherche</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”.</source>
        <translation>
            <numerusform>%n résultat pour « %1 ».</numerusform>
            <numerusform>%n résultats pour « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Check the spelling, or type the start of a word.</source>
        <translation>Rien trouvé pour « %1 ». Vérifiez l’orthographe, ou tapez le début d’un mot.</translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message>
        <source>Sent to %1</source>
        <translation>Envoyé à %1</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>Date d’envoi</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Mode d’envoi</translation>
    </message>
    <message>
        <source>&amp;Sent on</source>
        <translation>&amp;Envoyé le</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Comment</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Leave it where it is</source>
        <translation>Le laisser où il est</translation>
    </message>
    <message>
        <source>Move it into an “imported” subfolder</source>
        <translation>Le déplacer dans un sous-dossier « importé »</translation>
    </message>
    <message>
        <source>The data folder is protected by a passphrase.</source>
        <translation>Le dossier de données est protégé par une phrase secrète.</translation>
    </message>
    <message>
        <source>No passphrase: anyone using this computer account can read the records.</source>
        <translation>Pas de phrase secrète : toute personne utilisant ce compte de l&apos;ordinateur peut lire les dossiers.</translation>
    </message>
    <message>
        <source>✓ Text recognition is available (%1)</source>
        <translation>✓ La reconnaissance de texte est disponible (%1)</translation>
    </message>
    <message>
        <source>✗ Tesseract was not found: scans are stored but not read. Install tesseract-ocr and tesseract-ocr-fra, or give its path.</source>
        <translation>✗ Tesseract est introuvable : les scans sont conservés mais pas lus. Installez tesseract-ocr et tesseract-ocr-fra, ou indiquez son chemin.</translation>
    </message>
    <message>
        <source>Choose the tesseract program</source>
        <translation>Choisir le programme tesseract</translation>
    </message>
    <message>
        <source>%1 (not found just now)</source>
        <translation>%1 (introuvable pour l&apos;instant)</translation>
    </message>
    <message>
        <source>Choose a folder to watch</source>
        <translation>Choisir un dossier à surveiller</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>The settings could not be saved</source>
        <translation>Les réglages n’ont pas pu être enregistrés</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>&amp;Follow up after (days)</source>
        <translation>&amp;Relancer après (jours)</translation>
    </message>
    <message>
        <source>Days before following up an unpaid claim</source>
        <translation>Jours avant de relancer un dossier non payé</translation>
    </message>
    <message>
        <source>When a payer has not paid this many days after you sent a claim, Paperasse reminds you to chase it.</source>
        <translation>Quand un organisme n’a pas payé ce nombre de jours après votre envoi, Paperasse vous rappelle de le relancer.</translation>
    </message>
    <message>
        <source>Carte Vitale claims: follow up after (&amp;days)</source>
        <translation>Demandes carte Vitale : relancer après (&amp;jours)</translation>
    </message>
    <message>
        <source>Days before following up a claim sent electronically</source>
        <translation>Jours avant de relancer une demande transmise électroniquement</translation>
    </message>
    <message>
        <source>The CPAM pays an electronic care sheet in about a week: when nothing has come this many days after the care, Paperasse reminds you to check.</source>
        <translation>La CPAM paie une feuille de soins électronique en une semaine environ : si rien n&apos;est arrivé ce nombre de jours après les soins, Paperasse vous rappelle de vérifier.</translation>
    </message>
    <message>
        <source>Bac&amp;kup to another folder: remind after (days)</source>
        <translation>Sauvegarde dans un autre dossier : rappeler &amp;après (jours)</translation>
    </message>
    <message>
        <source>Days before reminding to back up to the chosen backup folder</source>
        <translation>Jours avant de rappeler de sauvegarder dans le dossier de sauvegarde choisi</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Tesseract program</source>
        <translation>Programme &amp;tesseract</translation>
    </message>
    <message>
        <source>Tesseract program</source>
        <translation>Programme tesseract</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>trouvé automatiquement</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Watched folders</source>
        <translation>Dossiers &amp;surveillés</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>New scans and PDFs saved into these folders (by a scanner, or a phone&apos;s sync) come into the Inbox by themselves while Paperasse is open.</source>
        <translation>Les nouveaux scans et PDF enregistrés dans ces dossiers (par un scanner, ou la synchronisation d&apos;un téléphone) arrivent d&apos;eux-mêmes dans la boîte de réception tant que Paperasse est ouvert.</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ne plus surveiller</translation>
    </message>
    <message>
        <source>Stop watching the selected folder</source>
        <translation>Ne plus surveiller le dossier choisi</translation>
    </message>
    <message>
        <source>After &amp;importing a file</source>
        <translation>Après l&apos;&amp;import d&apos;un fichier</translation>
    </message>
    <message>
        <source>What to do with a file once imported</source>
        <translation>Que faire d&apos;un fichier une fois importé</translation>
    </message>
    <message>
        <source>Cal&amp;endar file</source>
        <translation>Fichier &amp;calendrier</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Fichier calendrier</translation>
    </message>
    <message>
        <source>&amp;Copy path</source>
        <translation>Copier le c&amp;hemin</translation>
    </message>
    <message>
        <source>Copy the calendar file&apos;s path</source>
        <translation>Copier le chemin du fichier calendrier</translation>
    </message>
    <message>
        <source>Issuers&apos; layouts</source>
        <translation>Mises en page des émetteurs</translation>
    </message>
    <message>
        <source>Remembered la&amp;youts…</source>
        <translation>&amp;Mises en page retenues…</translation>
    </message>
    <message>
        <source>Where your corrections showed each issuer prints its fields, used first on its next papers: see them, or forget one.</source>
        <translation>Où vos corrections ont montré que chaque émetteur imprime ses champs, lu d&apos;abord sur ses papiers suivants : les voir, ou en oublier une.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Set a passphrase…</source>
        <translation>&amp;Choisir une phrase secrète…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>C&amp;hanger…</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <source>Remove the passphrase</source>
        <translation>Retirer la phrase secrète</translation>
    </message>
    <message>
        <source>Lock after no use for (&amp;minutes)</source>
        <translation>Verrouiller après une inactivité de (&amp;minutes)</translation>
    </message>
    <message>
        <source>Minutes without use before the window locks</source>
        <translation>Minutes sans utilisation avant que la fenêtre se verrouille</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>With a passphrase, Paperasse closes the records and asks for it again after this long without a key pressed or the mouse moved, and when the screen locks.</source>
        <translation>Avec une phrase secrète, Paperasse ferme les dossiers et la redemande après ce délai sans touche pressée ni souris bougée, et quand l&apos;écran se verrouille.</translation>
    </message>
    <message>
        <source>Every deadline and follow-up, kept up to date: subscribe to this file in your calendar app to be reminded when Paperasse is closed.</source>
        <translation>Chaque date limite et chaque relance, tenues à jour : abonnez votre agenda à ce fichier pour être prévenu même quand Paperasse est fermé.</translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message>
        <source>Lists and household</source>
        <translation>Listes et foyer</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Foyer</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Prêt à envoyer</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>En attente de paiement</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>All claims</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) need something from you</source>
        <translation>
            <numerusform>%n dossier attend quelque chose de vous</numerusform>
            <numerusform>%n dossiers attendent quelque chose de vous</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Paperasse cannot open your records.</source>
        <translation>Paperasse ne peut pas ouvrir vos données.</translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation>Restaurer la sauvegarde du %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>La sauvegarde n&apos;a pas pu être restaurée.</translation>
    </message>
</context>
<context>
    <name>StatementController</name>
    <message>
        <source>no care date or amount was read</source>
        <translation>aucune date de soins ni aucun montant n&apos;a été lu</translation>
    </message>
    <message>
        <source>no claim of that person and care date is waiting for this payer</source>
        <translation>aucun dossier de cette personne à cette date de soins n&apos;attend ce payeur</translation>
    </message>
    <message>
        <source>Looking for the claims these payments settle…</source>
        <translation>Recherche des dossiers que ces paiements règlent…</translation>
    </message>
    <message>
        <source>Who paid was not read on this statement: the CPAM or your mutuelle? Choose it to match its payments to your claims.</source>
        <translation>Le payeur n&apos;a pas été lu sur ce relevé : la CPAM ou votre mutuelle ? Choisissez-le pour rapprocher ses paiements de vos dossiers.</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) from %1 match your claims. Check them, then record them in one step.</source>
        <translation>
            <numerusform>%n paiement de la %1 correspond à vos dossiers. Vérifiez-le, puis enregistrez-le en une fois.</numerusform>
            <numerusform>%n paiements de la %1 correspondent à vos dossiers. Vérifiez-les, puis enregistrez-les en une fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>No payment on this statement matches a claim waiting for the %1.</source>
        <translation>Aucun paiement de ce relevé ne correspond à un dossier en attente de la %1.</translation>
    </message>
    <message>
        <source>No payment line was read on this statement.</source>
        <translation>Aucune ligne de paiement n&apos;a été lue sur ce relevé.</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>écart</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>comme prévu</translation>
    </message>
    <message>
        <source>The amount paid is not what was expected for this claim.</source>
        <translation>Le montant versé n&apos;est pas celui attendu pour ce dossier.</translation>
    </message>
    <message>
        <source>Not matched:</source>
        <translation>Non rapprochés :</translation>
    </message>
    <message>
        <source>Recording the payments…</source>
        <translation>Enregistrement des paiements…</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) recorded from the statement.</source>
        <translation>
            <numerusform>%n paiement enregistré depuis le relevé.</numerusform>
            <numerusform>%n paiements enregistrés depuis le relevé.</numerusform>
        </translation>
    </message>
    <message>
        <source>The payments were not recorded</source>
        <translation>Les paiements n&apos;ont pas été enregistrés</translation>
    </message>
    <message>
        <source>This value cannot be used</source>
        <translation>Cette valeur ne peut pas être utilisée</translation>
    </message>
</context>
<context>
    <name>StatementPanel</name>
    <message>
        <source>Payments on this statement</source>
        <translation>Paiements de ce relevé</translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation>&amp;Payé par</translation>
    </message>
    <message>
        <source>Use this payer</source>
        <translation>Utiliser ce payeur</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Care date</source>
        <translation>Date des soins</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Payments found on the statement</source>
        <translation>Paiements trouvés sur le relevé</translation>
    </message>
    <message>
        <source>&amp;Record these payments</source>
        <translation>&amp;Enregistrer ces paiements</translation>
    </message>
</context>
<context>
    <name>TrackBox</name>
    <message>
        <source>Prepare mailing…</source>
        <translation>Préparer l&apos;envoi…</translation>
    </message>
    <message>
        <source>Prepare the mailing to %1</source>
        <translation>Préparer l&apos;envoi à la %1</translation>
    </message>
    <message>
        <source>The letter and the papers to send to %1, ready to print</source>
        <translation>La lettre et les pièces à envoyer à la %1, prêtes à imprimer</translation>
    </message>
    <message>
        <source>Mark sent…</source>
        <translation>Marquer envoyé…</translation>
    </message>
    <message>
        <source>Mark sent to %1</source>
        <translation>Marquer comme envoyé à %1</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>Noter un paiement…</translation>
    </message>
    <message>
        <source>Record a payment from %1</source>
        <translation>Noter un paiement de %1</translation>
    </message>
    <message>
        <source>Rejected…</source>
        <translation>Refusé…</translation>
    </message>
    <message>
        <source>%1 rejected the claim</source>
        <translation>%1 a refusé le dossier</translation>
    </message>
    <message>
        <source>Undo last step</source>
        <translation>Annuler la dernière étape</translation>
    </message>
    <message>
        <source>Undo the last %1 step</source>
        <translation>Annuler la dernière étape %1</translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>Cannot delete this person</source>
        <translation>Impossible de supprimer cette personne</translation>
    </message>
    <message>
        <source>%1 is the insured person of %2: delete them first, or give them another insured person.</source>
        <translation>%1 est l’assuré(e) de %2 : supprimez-les d’abord, ou indiquez-leur un autre assuré.</translation>
    </message>
    <message>
        <source>Move to the Trash?</source>
        <translation>Mettre à la corbeille ?</translation>
    </message>
    <message>
        <source>You can restore it from the Trash for 30 days.</source>
        <translation>Restaurable depuis la corbeille pendant 30 jours.</translation>
    </message>
    <message>
        <source>Delete the claim, keep its documents</source>
        <translation>Supprimer le dossier, garder ses documents</translation>
    </message>
    <message>
        <source>Delete it with its documents</source>
        <translation>Le supprimer avec ses documents</translation>
    </message>
    <message>
        <source>Move to the Trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>Their %1 and %2 go to the Trash with them, and come back together.</source>
        <translation>Ses %1 et %2 partent avec elle à la corbeille, et reviennent ensemble.</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the claim “%1”?</source>
        <translation>Supprimer le dossier « %1 » ?</translation>
    </message>
    <message>
        <source>Its %1 go back to the Inbox, unless you delete them with it; restoring the claim attaches them again.</source>
        <translation>Ses %1 retournent dans la boîte de réception, sauf si vous les supprimez avec lui ; restaurer le dossier les y rattache.</translation>
    </message>
    <message>
        <source>Delete the document “%1”?</source>
        <translation>Supprimer le document « %1 » ?</translation>
    </message>
    <message>
        <source>Document deleted: %1</source>
        <translation>Document supprimé : %1</translation>
    </message>
    <message>
        <source>Claim deleted: %1</source>
        <translation>Dossier supprimé : %1</translation>
    </message>
    <message>
        <source>Person deleted: %1</source>
        <translation>Personne supprimée : %1</translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation>Restauré : %1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message>
        <source>Empty the Trash?</source>
        <translation>Vider la corbeille ?</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n item(s) in the Trash for good?</source>
        <translation>
            <numerusform>Supprimer définitivement l’élément de la corbeille ?</numerusform>
            <numerusform>Supprimer définitivement les %n éléments de la corbeille ?</numerusform>
        </translation>
    </message>
    <message>
        <source>They cannot be restored afterwards.</source>
        <translation>Ils ne pourront plus être restaurés.</translation>
    </message>
    <message>
        <source>Empty the Trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>The Trash was emptied.</source>
        <translation>La corbeille a été vidée.</translation>
    </message>
    <message>
        <source>Cannot empty the Trash</source>
        <translation>Impossible de vider la corbeille</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>What you delete is kept here for 30 days, then removed for good. Restoring puts it back as it was.</source>
        <translation>Ce que vous supprimez est gardé ici 30 jours, puis supprimé définitivement. Restaurer le remet tel qu’il était.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservé</translation>
    </message>
    <message>
        <source>What is in the Trash</source>
        <translation>Contenu de la corbeille</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Empty the Trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>(with %1)</source>
        <translation>(avec %1)</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>encore %n jour</numerusform>
            <numerusform>encore %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Paperasse is locked</source>
        <translation>Paperasse est verrouillé</translation>
    </message>
    <message>
        <source>The records in this data folder are protected by a passphrase. Type it to open them (the recovery key works too).</source>
        <translation>Les dossiers de ce dossier de données sont protégés par une phrase secrète. Tapez-la pour les ouvrir (la clé de secours convient aussi).</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>WatchController</name>
    <message>
        <source>Watched folders could not be checked: %1</source>
        <translation>Les dossiers surveillés n&apos;ont pas pu être vérifiés : %1</translation>
    </message>
    <message>
        <source>%1 arrived in the Inbox.</source>
        <translation>%1 est arrivé dans la boîte de réception.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) arrived in the Inbox from watched folders.</source>
        <translation>
            <numerusform>%n document est arrivé dans la boîte de réception depuis les dossiers surveillés.</numerusform>
            <numerusform>%n documents sont arrivés dans la boîte de réception depuis les dossiers surveillés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was already imported (document %2).</source>
        <translation>%1 était déjà importé (document %2).</translation>
    </message>
    <message>
        <source>Not imported from a watched folder: %1</source>
        <translation>Non importé depuis un dossier surveillé : %1</translation>
    </message>
    <message>
        <source>The watched folder %1 is gone; it is watched again once it is back.</source>
        <translation>Le dossier surveillé %1 a disparu ; il sera de nouveau surveillé à son retour.</translation>
    </message>
    <message>
        <source>The watched folder %1 is back.</source>
        <translation>Le dossier surveillé %1 est revenu.</translation>
    </message>
    <message>
        <source>%1 could not be moved: %2</source>
        <translation>%1 n&apos;a pas pu être déplacé : %2</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Paperasse</source>
        <translation>Bienvenue dans Paperasse</translation>
    </message>
    <message>
        <source>Paperasse keeps your household&apos;s health paperwork in order: prescriptions, care sheets, invoices and statements. It tells you what is missing, what to send to the CPAM and to your mutuelle, and what they still owe you.</source>
        <translation>Paperasse tient en ordre les papiers santé de votre foyer : ordonnances, feuilles de soins, factures et relevés. Il vous dit ce qui manque, quoi envoyer à la CPAM et à votre mutuelle, et ce qu’elles vous doivent encore.</translation>
    </message>
    <message>
        <source>&amp;Add a person</source>
        <translation>&amp;Ajouter une personne</translation>
    </message>
    <message>
        <source>&amp;Explore with sample documents</source>
        <translation>&amp;Découvrir avec des documents d’exemple</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup folder…</source>
        <translation>&amp;Restaurer depuis un dossier de sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase…</source>
        <translation>&amp;Protéger par une phrase secrète…</translation>
    </message>
    <message>
        <source>On a computer shared with others: the records, scans and backups are encrypted and open only with the passphrase.</source>
        <translation>Sur un ordinateur partagé : les dossiers, les scans et les sauvegardes sont chiffrés et ne s&apos;ouvrent qu&apos;avec la phrase secrète.</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Nothing is sent anywhere.</source>
        <translation>Tout reste sur cet ordinateur. Rien n’est envoyé nulle part.</translation>
    </message>
</context>
<context>
    <name>WindowImporting</name>
    <message>
        <source>Cannot change whose document this is</source>
        <translation>Impossible de changer à qui est ce document</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>Déplacé vers %1.</translation>
    </message>
    <message>
        <source>Attach a scan to the claim</source>
        <translation>Joindre un scan au dossier</translation>
    </message>
</context>
<context>
    <name>WindowLoading</name>
    <message>
        <source>Could not add up the claims: %1</source>
        <translation>Impossible de faire le total des dossiers : %1</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>New documents to check and attach to a claim. Drag them onto a claim, or open one and choose its claim.</source>
        <translation>Nouveaux documents à vérifier et à joindre à un dossier. Glissez-les sur un dossier, ou ouvrez-en un et choisissez son dossier.</translation>
    </message>
    <message>
        <source>The inbox is empty: every document is filed in a claim.</source>
        <translation>La boîte de réception est vide : chaque document est classé dans un dossier.</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s).</source>
        <translation>
            <numerusform>%n document.</numerusform>
            <numerusform>%n documents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Claims of %1</source>
        <translation>Dossiers de %1</translation>
    </message>
    <message>
        <source>All claims</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>No claim here. Import a document or start a new claim.</source>
        <translation>Aucun dossier ici. Importez un document ou créez un nouveau dossier.</translation>
    </message>
    <message>
        <source>No claim in this list.</source>
        <translation>Aucun dossier dans cette liste.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import scans and PDFs…</source>
        <translation>&amp;Importer des scans et des PDF…</translation>
    </message>
    <message>
        <source>&amp;Paste an image</source>
        <translation>&amp;Coller une image</translation>
    </message>
    <message>
        <source>&amp;Export everything to an archive…</source>
        <translation>&amp;Exporter tout dans une archive…</translation>
    </message>
    <message>
        <source>Import an &amp;archive…</source>
        <translation>Importer une &amp;archive…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>&amp;Leave the demo</source>
        <translation>Q&amp;uitter la démonstration</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo the last payer step</source>
        <translation>&amp;Annuler la dernière étape de remboursement</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Remove the document from its claim</source>
        <translation>Retirer le document de son &amp;dossier</translation>
    </message>
    <message>
        <source>&amp;Delete (to the Trash)…</source>
        <translation>&amp;Supprimer (vers la corbeille)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Boîte de réception</translation>
    </message>
    <message>
        <source>&amp;All claims</source>
        <translation>&amp;Tous les dossiers</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>&amp;Corbeille</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Go to the &amp;lists</source>
        <translation>Aller aux &amp;listes</translation>
    </message>
    <message>
        <source>&amp;Next area</source>
        <translation>&amp;Zone suivante</translation>
    </message>
    <message>
        <source>&amp;Previous area</source>
        <translation>Zone &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Lists and household</source>
        <translation>&amp;Listes et foyer</translation>
    </message>
    <message>
        <source>&amp;Household</source>
        <translation>&amp;Foyer</translation>
    </message>
    <message>
        <source>Add a &amp;person…</source>
        <translation>Ajouter une &amp;personne…</translation>
    </message>
    <message>
        <source>&amp;Edit the person…</source>
        <translation>&amp;Modifier la personne…</translation>
    </message>
    <message>
        <source>New &amp;claim…</source>
        <translation>Nouveau &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>What to do with each paper (F1)</source>
        <translation>Que faire de chaque papier (F1)</translation>
    </message>
    <message>
        <source>&amp;About Paperasse</source>
        <translation>&amp;À propos de Paperasse</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Search people, claims, documents (Ctrl+F)</source>
        <translation>Chercher personnes, dossiers, documents (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search people, claims and documents</source>
        <translation>Chercher parmi les personnes, les dossiers et les documents</translation>
    </message>
</context>
<context>
    <name>WindowPanes</name>
    <message>
        <source>Select a claim or a document to see it here.</source>
        <translation>Sélectionnez un dossier ou un document pour l’afficher ici.</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Cannot attach this document</source>
        <translation>Impossible de joindre ce document</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) attached.</source>
        <translation>
            <numerusform>%n document joint.</numerusform>
            <numerusform>%n documents joints.</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is not attached to a claim.</source>
        <translation>Ce document n’est joint à aucun dossier.</translation>
    </message>
    <message>
        <source>Remove from the claim?</source>
        <translation>Retirer du dossier ?</translation>
    </message>
    <message>
        <source>The document goes back to the inbox; it is not deleted.</source>
        <translation>Le document retourne dans la boîte de réception ; il n’est pas supprimé.</translation>
    </message>
    <message>
        <source>Cannot remove this document</source>
        <translation>Impossible de retirer ce document</translation>
    </message>
    <message>
        <source>&amp;Delete the person (to the Trash)…</source>
        <translation>&amp;Supprimer la personne (vers la corbeille)…</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Open a claim to undo its last step.</source>
        <translation>Ouvrez un dossier pour annuler sa dernière étape.</translation>
    </message>
</context>
<context>
    <name>WindowRestoring</name>
    <message>
        <source>Some scans are missing</source>
        <translation>Des scans manquent</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>La sauvegarde automatique a échoué : %1</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Sauvegardes…</translation>
    </message>
    <message>
        <source>Nothing has been backed up to %1 yet.</source>
        <translation>Rien n’a encore été sauvegardé dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>The last backup to %1 was %n day(s) ago.</source>
        <translation>
            <numerusform>La dernière sauvegarde dans %1 date d’il y a %n jour.</numerusform>
            <numerusform>La dernière sauvegarde dans %1 date d’il y a %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
</context>
<context>
    <name>WindowSearch</name>
    <message>
        <source>Could not search: %1</source>
        <translation>La recherche n’a pas abouti : %1</translation>
    </message>
</context>
</TS>
