<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About iCanal Desktop</source>
        <translation>À propos d’iCanal Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;iCanal Desktop&lt;/b&gt; {version}</source>
        <translation>&lt;b&gt;iCanal Desktop&lt;/b&gt; {version}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Your iCanal account on your computer: subscription, bills, payments and help, also offline.
© 2026 iCanal. All rights reserved.</source>
        <translation>Votre espace client iCanal sur votre ordinateur : abonnement, factures, paiements et aide, même hors ligne.
© 2026 iCanal. Tous droits réservés.</translation>
    </message>
    <message>
        <source>Bundled components and their licences</source>
        <translation>Composants inclus et leurs licences</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU Lesser General Public License version 3: their libraries are shipped as separate files that you may replace, and their source code is available at &lt;a href="https://download.qt.io"&gt;download.qt.io&lt;/a&gt;.</source>
        <translation>Qt et PySide6 sont utilisés sous la licence publique générale limitée GNU (LGPL) version 3 : leurs bibliothèques sont fournies sous forme de fichiers séparés que vous pouvez remplacer, et leur code source est disponible sur &lt;a href="https://download.qt.io"&gt;download.qt.io&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Bundled components:</source>
        <translation>Composants inclus :</translation>
    </message>
</context>
<context>
    <name>AddPaymentMethod</name>
    <message>
        <source>This card number is not valid.</source>
        <translation>Ce numéro de carte n’est pas valide.</translation>
    </message>
    <message>
        <source>Enter a date in the future, as MM/YY.</source>
        <translation>Saisissez une date à venir, au format MM/AA.</translation>
    </message>
    <message>
        <source>The security code has 3 digits (4 for Amex).</source>
        <translation>Le cryptogramme a 3 chiffres (4 pour Amex).</translation>
    </message>
    <message>
        <source>Enter the name shown on the card.</source>
        <translation>Saisissez le nom inscrit sur la carte.</translation>
    </message>
    <message>
        <source>Only Visa, Mastercard and American Express cards are accepted.</source>
        <translation>Seules les cartes Visa, Mastercard et American Express sont acceptées.</translation>
    </message>
    <message>
        <source>An American Express security code has 4 digits.</source>
        <translation>Le cryptogramme d’une carte American Express a 4 chiffres.</translation>
    </message>
    <message>
        <source>This card's security code has 3 digits.</source>
        <translation>Le cryptogramme de cette carte a 3 chiffres.</translation>
    </message>
    <message>
        <source>Enter the account's IBAN.</source>
        <translation>Saisissez l’IBAN du compte.</translation>
    </message>
    <message>
        <source>This IBAN is not from a SEPA country (it starts with {code}).</source>
        <translation>Cet IBAN n’est pas celui d’un pays SEPA (il commence par {code}).</translation>
    </message>
    <message>
        <source>An IBAN from {code} has {n} characters; this one has {got}.</source>
        <translation>Un IBAN {code} compte {n} caractères ; celui-ci en a {got}.</translation>
    </message>
    <message>
        <source>This IBAN is not valid: check for a typing mistake.</source>
        <translation>Cet IBAN n’est pas valide : vérifiez qu’il n’y a pas de faute de frappe.</translation>
    </message>
    <message>
        <source>Enter the account holder's name.</source>
        <translation>Saisissez le nom du titulaire du compte.</translation>
    </message>
    <message>
        <source>Accept the direct debit mandate to use this account.</source>
        <translation>Acceptez le mandat de prélèvement pour utiliser ce compte.</translation>
    </message>
    <message>
        <source>Choose your mobile money operator.</source>
        <translation>Choisissez votre opérateur de mobile money.</translation>
    </message>
    <message>
        <source>Enter the number in international format, e.g. +2250700000000.</source>
        <translation>Saisissez le numéro au format international, par ex. +2250700000000.</translation>
    </message>
</context>
<context>
    <name>AddPaymentMethodDialog</name>
    <message>
        <source>Add a payment method</source>
        <translation>Ajouter un moyen de paiement</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>SEPA &amp;direct debit</source>
        <translation>&amp;Prélèvement SEPA</translation>
    </message>
    <message>
        <source>&amp;Mobile money</source>
        <translation>&amp;Mobile money</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add this payment method</source>
        <translation>Ajouter ce moyen de paiement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Numéro de carte</translation>
    </message>
    <message>
        <source>Expiry (MM/YY)</source>
        <translation>Expiration (MM/AA)</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d’expiration</translation>
    </message>
    <message>
        <source>Security code</source>
        <translation>Cryptogramme</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>Nom sur la carte</translation>
    </message>
    <message>
        <source>Your card details go straight to our secure vault; this computer never keeps them.</source>
        <translation>Les données de votre carte vont directement dans notre coffre sécurisé ; cet ordinateur ne les conserve jamais.</translation>
    </message>
    <message>
        <source>I authorise iCanal to send instructions to my bank to debit my account, and my bank to debit it in accordance with these instructions (SEPA mandate).</source>
        <translation>J’autorise iCanal à envoyer des instructions à ma banque pour débiter mon compte, et ma banque à le débiter conformément à ces instructions (mandat SEPA).</translation>
    </message>
    <message>
        <source>I accept this direct debit mandate</source>
        <translation>J’accepte ce mandat de prélèvement</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <source>Accept the SEPA mandate</source>
        <translation>Accepter le mandat SEPA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Mobile money operator</source>
        <translation>Opérateur de mobile money</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numéro de téléphone</translation>
    </message>
    <message>
        <source>Mobile money phone number</source>
        <translation>Numéro de téléphone mobile money</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Bill {number} of {amount} is overdue since {date}.</source>
        <translation>La facture {number} de {amount} est en retard depuis le {date}.</translation>
    </message>
    <message>
        <source>The payment of bill {number} failed. Pay it now or change the method.</source>
        <translation>Le paiement de la facture {number} a échoué. Payez-la maintenant ou changez de moyen de paiement.</translation>
    </message>
    <message>
        <source>{card} expires at the end of {month:02d}/{year}.</source>
        <translation>{card} expire fin {month:02d}/{year}.</translation>
    </message>
    <message>
        <source>The price of {plan} goes up from {old} to {new} a month.</source>
        <translation>Le prix de {plan} passe de {old} à {new} par mois.</translation>
    </message>
    <message>
        <source>Channels leave {plan}: {channels}.</source>
        <translation>Des chaînes quittent {plan} : {channels}.</translation>
    </message>
    <message>
        <source>New bill {number}: {amount}, due {date}.</source>
        <translation>Nouvelle facture {number} : {amount}, à payer le {date}.</translation>
    </message>
</context>
<context>
    <name>AppSettingsView</name>
    <message>
        <source>This app on this computer</source>
        <translation>L’application sur cet ordinateur</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Remind me of due dates, renewals and card expiry</source>
        <translation>Me rappeler les échéances, les renouvellements et l’expiration des cartes</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Notifications sur le bureau</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the server address</source>
        <translation>Enregistrer l’adresse du serveur</translation>
    </message>
    <message>
        <source>In use: {url}. A new address is used the next time the app starts.</source>
        <translation>Utilisée : {url}. Une nouvelle adresse sera utilisée au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source>Size of the saved data</source>
        <translation>Taille des données enregistrées</translation>
    </message>
    <message>
        <source>Clear and download again</source>
        <translation>Effacer et retélécharger</translation>
    </message>
    <message>
        <source>Clear the saved data</source>
        <translation>Effacer les données enregistrées</translation>
    </message>
    <message>
        <source>Deletes the data and PDFs saved on this computer; the next sync gets them again, except the bills the server no longer keeps.</source>
        <translation>Supprime les données et les PDF enregistrés sur cet ordinateur ; la prochaine synchronisation les télécharge à nouveau, sauf les factures que le serveur ne conserve plus.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Saved data</source>
        <translation>Données enregistrées</translation>
    </message>
    <message>
        <source>Bills offline</source>
        <translation>Factures hors ligne</translation>
    </message>
    <message>
        <source>Saved: {url} will be used the next time the app starts.</source>
        <translation>Enregistré : {url} sera utilisée au prochain démarrage de l’application.</translation>
    </message>
</context>
<context>
    <name>ArchiveSettings</name>
    <message>
        <source>Bills kept offline</source>
        <translation>Factures conservées hors ligne</translation>
    </message>
    <message>
        <source>Size limit of the bills kept offline</source>
        <translation>Taille maximale des factures conservées hors ligne</translation>
    </message>
    <message>
        <source>Every bill's PDF is kept on this computer, so you can read them offline, even after the server stops keeping old ones. A limit keeps only the newest that fit.</source>
        <translation>Le PDF de chaque facture est conservé sur cet ordinateur : vous pouvez les consulter hors ligne, même quand le serveur ne garde plus les anciennes. Une limite ne garde que les plus récentes qui y tiennent.</translation>
    </message>
    <message>
        <source>No limit (every bill)</source>
        <translation>Sans limite (toutes les factures)</translation>
    </message>
    <message>
        <source>Every bill is kept offline: {count} PDFs, {size}.</source>
        <translation>Toutes les factures sont conservées hors ligne : {count} PDF, {size}.</translation>
    </message>
    <message>
        <source>Bills kept offline: {kept} of {count} ({size}).</source>
        <translation>Factures conservées hors ligne : {kept} sur {count} ({size}).</translation>
    </message>
    <message>
        <source>The others are left out by the size limit.</source>
        <translation>Les autres sont écartées par la limite de taille.</translation>
    </message>
    <message>
        <source>The next sync downloads the others.</source>
        <translation>La prochaine synchronisation télécharge les autres.</translation>
    </message>
    <message>
        <source>Limit the bills kept offline</source>
        <translation>Limiter les factures conservées hors ligne</translation>
    </message>
    <message>
        <source>Keep at most {size} of bills on this computer? The PDFs of the {count} oldest bills will be removed from it; they can be downloaded again only while the server keeps them.</source>
        <translation>Conserver au plus {size} de factures sur cet ordinateur ? Les PDF des {count} factures les plus anciennes en seront supprimés ; ils ne pourront être téléchargés à nouveau que tant que le serveur les conserve.</translation>
    </message>
    <message>
        <source>Remove them</source>
        <translation>Les supprimer</translation>
    </message>
</context>
<context>
    <name>BillDetailPane</name>
    <message>
        <source>Selected bill</source>
        <translation>Facture sélectionnée</translation>
    </message>
    <message>
        <source>Bill status</source>
        <translation>État de la facture</translation>
    </message>
    <message>
        <source>Pay &amp;now…</source>
        <translation>&amp;Payer maintenant…</translation>
    </message>
    <message>
        <source>Pay this bill now</source>
        <translation>Payer cette facture maintenant</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>&amp;Signaler un problème…</translation>
    </message>
    <message>
        <source>Report a problem with this bill</source>
        <translation>Signaler un problème sur cette facture</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Total excl. VAT</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total TTC</translation>
    </message>
    <message>
        <source>Line items</source>
        <translation>Détail des lignes</translation>
    </message>
    <message>
        <source>Payments applied</source>
        <translation>Paiements reçus</translation>
    </message>
    <message>
        <source>Bill details and PDF</source>
        <translation>Détail et PDF de la facture</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>No bill selected</source>
        <translation>Aucune facture sélectionnée</translation>
    </message>
    <message>
        <source>Select a bill to see its PDF.</source>
        <translation>Sélectionnez une facture pour voir son PDF.</translation>
    </message>
    <message>
        <source>Bill {number}</source>
        <translation>Facture {number}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Loading the details…</source>
        <translation>Chargement du détail…</translation>
    </message>
    <message>
        <source>The details of this bill have not been downloaded yet.</source>
        <translation>Le détail de cette facture n’a pas encore été téléchargé.</translation>
    </message>
    <message>
        <source>No payment applied to this bill yet.</source>
        <translation>Aucun paiement reçu pour cette facture.</translation>
    </message>
</context>
<context>
    <name>Bills</name>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Paiement refusé</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
</context>
<context>
    <name>BillsExporter</name>
    <message>
        <source>Exporting the bills of {year}…</source>
        <translation>Export des factures de {year}…</translation>
    </message>
    <message>
        <source>{n} PDF(s) and {csv} written.</source>
        <translation>{n} PDF et {csv} enregistrés.</translation>
    </message>
    <message>
        <source>No PDF on this computer for: {numbers}.</source>
        <translation>Aucun PDF sur cet ordinateur pour : {numbers}.</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Le fichier n’a pas pu être enregistré : {reason}</translation>
    </message>
    <message>
        <source>{n} date(s) saved to {path}.</source>
        <translation>{n} date(s) enregistrée(s) dans {path}.</translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Search bills</source>
        <translation>Rechercher des factures</translation>
    </message>
    <message>
        <source>Search by number, date, amount…</source>
        <translation>Rechercher par numéro, date, montant…</translation>
    </message>
    <message>
        <source>Number of bills shown</source>
        <translation>Nombre de factures affichées</translation>
    </message>
    <message>
        <source>&amp;Export year…</source>
        <translation>&amp;Exporter l’année…</translation>
    </message>
    <message>
        <source>Export the year's bills (PDFs and CSV)</source>
        <translation>Exporter les factures de l’année (PDF et CSV)</translation>
    </message>
    <message>
        <source>Add to &amp;calendar…</source>
        <translation>Ajouter au &amp;calendrier…</translation>
    </message>
    <message>
        <source>Export due dates as a calendar file</source>
        <translation>Exporter les échéances dans un fichier de calendrier</translation>
    </message>
    <message>
        <source>Save the upcoming due dates and the renewal date as an .ics file</source>
        <translation>Enregistrer les prochaines échéances et la date de renouvellement dans un fichier .ics</translation>
    </message>
    <message>
        <source>Bills message</source>
        <translation>Message des factures</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Bills, payments and spending</source>
        <translation>Factures, paiements et dépenses</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>{n} bill(s)</source>
        <translation>{n} facture(s)</translation>
    </message>
    <message>
        <source>{shown} of {n} bills</source>
        <translation>{shown} sur {n} factures</translation>
    </message>
    <message>
        <source>Opening the PDF…</source>
        <translation>Ouverture du PDF…</translation>
    </message>
    <message>
        <source>The PDF of bill {number} has not been downloaded to this computer yet, and iCanal cannot be reached now. It will be available as soon as you are back online.</source>
        <translation>Le PDF de la facture {number} n’a pas encore été téléchargé sur cet ordinateur, et iCanal est injoignable pour le moment. Il sera disponible dès votre retour en ligne.</translation>
    </message>
    <message>
        <source>Downloading the PDF…</source>
        <translation>Téléchargement du PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be downloaded: {reason}</source>
        <translation>Le PDF n’a pas pu être téléchargé : {reason}</translation>
    </message>
    <message>
        <source>Report a problem with this bill</source>
        <translation>Signaler un problème sur cette facture</translation>
    </message>
    <message>
        <source>Not available offline: this needs a connection to iCanal.</source>
        <translation>Indisponible hors ligne : une connexion à iCanal est nécessaire.</translation>
    </message>
    <message>
        <source>This bill is already paid.</source>
        <translation>Cette facture est déjà payée.</translation>
    </message>
    <message>
        <source>Choose a year in the list first.</source>
        <translation>Choisissez d’abord une année dans la liste.</translation>
    </message>
    <message>
        <source>Request {number} sent to the support team.</source>
        <translation>Demande {number} envoyée au service client.</translation>
    </message>
    <message>
        <source>Export the bills of {year} to…</source>
        <translation>Exporter les factures de {year} vers…</translation>
    </message>
    <message>
        <source>Save the reminders</source>
        <translation>Enregistrer les rappels</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers de calendrier (*.ics)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel my subscription</source>
        <translation>Résilier mon abonnement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>It is too expensive</source>
        <translation>C’est trop cher</translation>
    </message>
    <message>
        <source>Not enough content for me</source>
        <translation>Pas assez de contenus pour moi</translation>
    </message>
    <message>
        <source>Technical problems</source>
        <translation>Problèmes techniques</translation>
    </message>
    <message>
        <source>I am moving</source>
        <translation>Je déménage</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Une autre raison</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Commentaire (facultatif)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Checking the terms of your contract…</source>
        <translation>Vérification des conditions de votre contrat…</translation>
    </message>
    <message>
        <source>What cancelling means</source>
        <translation>Ce que la résiliation implique</translation>
    </message>
    <message>
        <source>Keep my subscription</source>
        <translation>Garder mon abonnement</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>{plan}, contract {number}</source>
        <translation>{plan}, contrat {number}</translation>
    </message>
    <message>
        <source>As soon as possible: {date}</source>
        <translation>Dès que possible : le {date}</translation>
    </message>
    <message>
        <source>At the end of my commitment, free of charge: {date}</source>
        <translation>À la fin de mon engagement, sans frais : le {date}</translation>
    </message>
    <message>
        <source>Your subscription ends on {date}. {months} months of commitment remain: an early-termination fee of {fee} will be on your last bill.</source>
        <translation>Votre abonnement se termine le {date}. Il reste {months} mois d’engagement : des frais de résiliation anticipée de {fee} figureront sur votre dernière facture.</translation>
    </message>
    <message>
        <source>Your subscription ends on {date}. No fee applies.</source>
        <translation>Votre abonnement se termine le {date}. Aucuns frais ne s’appliquent.</translation>
    </message>
    <message>
        <source>You keep access to your bills, and can reactivate until that date.</source>
        <translation>Vous gardez l’accès à vos factures et pouvez réactiver jusqu’à cette date.</translation>
    </message>
    <message>
        <source>I understand that my subscription ends on {date}.</source>
        <translation>Je comprends que mon abonnement se termine le {date}.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Résiliation…</translation>
    </message>
    <message>
        <source>Your cancellation is registered: the subscription ends on {date}.</source>
        <translation>Votre résiliation est enregistrée : l’abonnement se termine le {date}.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirmer le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>At least 10 characters, with letters and a digit.</source>
        <translation>Au moins 10 caractères, avec des lettres et un chiffre.</translation>
    </message>
    <message>
        <source>Too weak: at least 10 characters, with letters and a digit.</source>
        <translation>Trop faible : au moins 10 caractères, avec des lettres et un chiffre.</translation>
    </message>
    <message>
        <source>Strength: fair</source>
        <translation>Robustesse : moyenne</translation>
    </message>
    <message>
        <source>Strength: good</source>
        <translation>Robustesse : bonne</translation>
    </message>
    <message>
        <source>Strength: strong</source>
        <translation>Robustesse : forte</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters, with letters and a digit.</source>
        <translation>Le nouveau mot de passe doit compter au moins 10 caractères, avec des lettres et un chiffre.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Les deux nouveaux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <source>The new password must be different from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l’actuel.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Le mot de passe actuel n’est pas le bon.</translation>
    </message>
</context>
<context>
    <name>ChangePlanDialog</name>
    <message>
        <source>Change plan</source>
        <translation>Changer d’offre</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Plans side by side</source>
        <translation>Offres côte à côte</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>{name} (+{price} per month)</source>
        <translation>{name} (+{price} par mois)</translation>
    </message>
    <message>
        <source>No option for this contract.</source>
        <translation>Aucune option pour ce contrat.</translation>
    </message>
    <message>
        <source>Select a plan to see the channels you gain and lose.</source>
        <translation>Choisissez une offre pour voir les chaînes gagnées et perdues.</translation>
    </message>
    <message>
        <source>See what changes</source>
        <translation>Voir ce qui change</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Compare the plans and choose one.</source>
        <translation>Comparez les offres et choisissez-en une.</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nouvelle offre</translation>
    </message>
    <message>
        <source>Charged now (pro rata)</source>
        <translation>Débité maintenant (au prorata)</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Prend effet</translation>
    </message>
    <message>
        <source>New monthly price</source>
        <translation>Nouveau prix mensuel</translation>
    </message>
    <message>
        <source>New commitment end</source>
        <translation>Nouvelle fin d’engagement</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Confirm the change</source>
        <translation>Confirmer le changement</translation>
    </message>
    <message>
        <source>Here is what changes. Nothing happens until you confirm.</source>
        <translation>Voici ce qui change. Rien ne se passe tant que vous n’avez pas confirmé.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>With {plan} — channels gained: {gained}. Channels lost: {lost}.</source>
        <translation>Avec {plan} — chaînes gagnées : {gained}. Chaînes perdues : {lost}.</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Aujourd’hui, le {date}</translation>
    </message>
    <message>
        <source>At your renewal, {date}</source>
        <translation>À votre renouvellement, le {date}</translation>
    </message>
    <message>
        <source>{new} (now {old})</source>
        <translation>{new} (actuellement {old})</translation>
    </message>
    <message>
        <source>No commitment</source>
        <translation>Sans engagement</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changement…</translation>
    </message>
    <message>
        <source>Done: your plan is now {plan}, from {date}.</source>
        <translation>C’est fait : votre offre est désormais {plan}, à partir du {date}.</translation>
    </message>
    <message>
        <source>{amount} was charged (reference {reference}).</source>
        <translation>{amount} a été débité (référence {reference}).</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>HD</source>
        <translation>HD</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Ask your question: our assistant answers at once, from the help pages, and an adviser takes over when needed.</source>
        <translation>Posez votre question : notre assistant répond tout de suite à partir de l’aide, et un conseiller prend le relais si besoin.</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Messages du chat</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>Votre message</translation>
    </message>
    <message>
        <source>Type your message and press Enter</source>
        <translation>Tapez votre message et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>État du chat</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Aucun message pour l’instant.</translation>
    </message>
    <message>
        <source>The assistant is writing…</source>
        <translation>L’assistant écrit…</translation>
    </message>
    <message>
        <source>The chat needs a connection to iCanal.</source>
        <translation>Le chat a besoin d’une connexion à iCanal.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>iCanal Desktop — unexpected problem</source>
        <translation>iCanal Desktop — problème inattendu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong in iCanal Desktop.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Your account is safe: nothing was paid or changed because of this problem. You can keep working; if the app behaves strangely, quit it and start it again.&lt;br&gt;&lt;br&gt;If it happens again, send the log file below to iCanal support (Support tab, New request) and say what you were doing. The log holds no password, token or card number.</source>
        <translation>&lt;b&gt;Un problème est survenu dans iCanal Desktop.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Votre compte ne risque rien : aucun paiement ni aucune modification n’a eu lieu à cause de ce problème. Vous pouvez continuer ; si l’application se comporte bizarrement, quittez-la et relancez-la.&lt;br&gt;&lt;br&gt;Si cela se reproduit, envoyez le fichier journal ci-dessous à l’assistance iCanal (onglet Assistance, Nouvelle demande) en indiquant ce que vous faisiez. Le journal ne contient ni mot de passe, ni jeton, ni numéro de carte.</translation>
    </message>
    <message>
        <source>What happened and what to do</source>
        <translation>Ce qui s’est passé et que faire</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Fichier journal : {path}</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Quit iCanal Desktop</source>
        <translation>Quitter iCanal Desktop</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Account holder</source>
        <translation>Titulaire du compte</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <source>Default payment method</source>
        <translation>Moyen de paiement par défaut</translation>
    </message>
    <message>
        <source>Support requests</source>
        <translation>Demandes d’assistance</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Subscription status</source>
        <translation>État de l’abonnement</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>Needs your attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Rien à traiter pour le moment.</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Chargement de votre compte…</translation>
    </message>
    <message>
        <source>Hello {name}</source>
        <translation>Bonjour {name}</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} en cours</translation>
    </message>
    <message>
        <source>See them in Support.</source>
        <translation>Retrouvez-les dans Assistance.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>No subscription</source>
        <translation>Aucun abonnement</translation>
    </message>
    <message>
        <source>{plan} — {price} per month</source>
        <translation>{plan} — {price} par mois</translation>
    </message>
    <message>
        <source>Nothing to pay</source>
        <translation>Rien à payer</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>à payer le {date}</translation>
    </message>
    <message>
        <source>Overdue bills: {n}</source>
        <translation>Factures en retard : {n}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Add one in Payment methods.</source>
        <translation>Ajoutez-en un dans Moyens de paiement.</translation>
    </message>
    <message>
        <source>Expires {month:02d}/{year}</source>
        <translation>Expire {month:02d}/{year}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Cancellation pending</source>
        <translation>Résiliation en cours</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Résilié</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Renews automatically.</source>
        <translation>Renouvellement automatique.</translation>
    </message>
    <message>
        <source>Auto-renew is off.</source>
        <translation>Renouvellement automatique désactivé.</translation>
    </message>
    <message>
        <source>Ends today.</source>
        <translation>Se termine aujourd’hui.</translation>
    </message>
    <message>
        <source>Today.</source>
        <translation>Aujourd’hui.</translation>
    </message>
    <message>
        <source>Ends tomorrow.</source>
        <translation>Se termine demain.</translation>
    </message>
    <message>
        <source>Tomorrow.</source>
        <translation>Demain.</translation>
    </message>
    <message>
        <source>Ends in {n} days.</source>
        <translation>Se termine dans {n} jours.</translation>
    </message>
    <message>
        <source>In {n} days.</source>
        <translation>Dans {n} jours.</translation>
    </message>
    <message>
        <source>Your subscription ends on {date}. You can reactivate it until then in the Subscription tab.</source>
        <translation>Votre abonnement se termine le {date}. Vous pouvez le réactiver d’ici là dans l’onglet Abonnement.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Dismiss: {alert}</source>
        <translation>Masquer : {alert}</translation>
    </message>
</context>
<context>
    <name>Faq</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordDialog</name>
    <message>
        <source>Forgotten password</source>
        <translation>Mot de passe oublié</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Send me a code</source>
        <translation>M’envoyer un code</translation>
    </message>
    <message>
        <source>Code received by email</source>
        <translation>Code reçu par e-mail</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>New password, again</source>
        <translation>Nouveau mot de passe, à nouveau</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Password reset status</source>
        <translation>État de la réinitialisation</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Enter the email address of your account. We will send you a code to choose a new password.</source>
        <translation>Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un code pour choisir un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>If an account uses this address, a code is on its way (valid 15 minutes). Choose a password of at least {n} characters.</source>
        <translation>Si un compte utilise cette adresse, un code vous a été envoyé (valable 15 minutes). Choisissez un mot de passe d’au moins {n} caractères.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>The new password needs at least {n} characters.</source>
        <translation>Le nouveau mot de passe doit compter au moins {n} caractères.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>The app's log, to send to support when something goes wrong.</source>
        <translation>Le journal de l’application, à envoyer à l’assistance en cas de problème.</translation>
    </message>
    <message>
        <source>&amp;About iCanal Desktop</source>
        <translation>À &amp;propos d’iCanal Desktop</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>iCanal — My account</source>
        <translation>iCanal — Mon compte</translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation>Rubriques du compte</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>Moyens de paiement</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>Serveur : {url}</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Sync in progress</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Get the latest from iCanal now (F5)</source>
        <translation>Récupérer les dernières informations d’iCanal (F5)</translation>
    </message>
    <message>
        <source>S&amp;witch account</source>
        <translation>C&amp;hanger de compte</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Sign out and &amp;forget this computer</source>
        <translation>Se déconnecter et &amp;oublier cet ordinateur</translation>
    </message>
    <message>
        <source>Also deletes this account's saved data and remembered sign-in here.</source>
        <translation>Supprime aussi les données enregistrées et la connexion mémorisée de ce compte sur cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>&amp;Add another account…</source>
        <translation>&amp;Ajouter un autre compte…</translation>
    </message>
    <message>
        <source>iCanal — {account}</source>
        <translation>iCanal — {account}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Dernière synchronisation : {when}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Syncing {what}…</source>
        <translation>Synchronisation : {what}…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <source>The email, subscriber number or password is not right. Check them and try again, or use “Forgot password”.</source>
        <translation>L’e-mail, le numéro d’abonné ou le mot de passe est incorrect. Vérifiez-les et réessayez, ou utilisez « Mot de passe oublié ».</translation>
    </message>
    <message>
        <source>Too many attempts. For your security, try again in {wait}.</source>
        <translation>Trop de tentatives. Par sécurité, réessayez dans {wait}.</translation>
    </message>
    <message>
        <source>Too many attempts. For your security, try again in a few minutes.</source>
        <translation>Trop de tentatives. Par sécurité, réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>The iCanal server cannot be reached. Check your internet connection, then try again.</source>
        <translation>Le serveur iCanal est injoignable. Vérifiez votre connexion internet, puis réessayez.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>This server address is not secure (it must start with https://).</source>
        <translation>Cette adresse de serveur n’est pas sécurisée (elle doit commencer par https://).</translation>
    </message>
    <message>
        <source>The server refused the request: {detail}</source>
        <translation>Le serveur a refusé la demande : {detail}</translation>
    </message>
    <message>
        <source>The iCanal server has a problem (error {status}). Your data is safe; try again in a few minutes.</source>
        <translation>Le serveur iCanal rencontre un problème (erreur {status}). Vos données sont en sécurité ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>The server sent data the app cannot read ({resource}). Your saved data was kept; try again later.</source>
        <translation>Le serveur a envoyé des données illisibles ({resource}). Vos données enregistrées sont conservées ; réessayez plus tard.</translation>
    </message>
    <message>
        <source>This item is no longer on the iCanal server (it may have been removed). Refresh to see your account as it is now.</source>
        <translation>Cet élément n’est plus sur le serveur iCanal (il a peut-être été supprimé). Actualisez pour voir votre compte tel qu’il est maintenant.</translation>
    </message>
    <message>
        <source>Your account does not allow this. If you think it should, contact customer service (Support tab).</source>
        <translation>Votre compte ne permet pas cette opération. Si vous pensez que c’est une erreur, contactez le service client (onglet Assistance).</translation>
    </message>
    <message>
        <source>The app did not connect: the server's security certificate is not trusted. Check the server address, or your network (a public Wi-Fi may intercept it).</source>
        <translation>L’application ne s’est pas connectée : le certificat de sécurité du serveur n’est pas reconnu. Vérifiez l’adresse du serveur ou votre réseau (un Wi-Fi public peut intercepter la connexion).</translation>
    </message>
    <message>
        <source>The server no longer has this. Refresh to download your account again.</source>
        <translation>Le serveur ne dispose plus de ces informations. Actualisez pour télécharger à nouveau votre compte.</translation>
    </message>
    <message>
        <source>The local copy of your account is in use by another program (the icanal command?). Try again in a moment.</source>
        <translation>La copie locale de votre compte est utilisée par un autre programme (la commande icanal ?). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The file could not be written or read ({reason}). Check the folder and the free space, then try again.</source>
        <translation>Le fichier n’a pas pu être écrit ou lu ({reason}). Vérifiez le dossier et l’espace libre, puis réessayez.</translation>
    </message>
    <message>
        <source>the system gave no reason</source>
        <translation>le système n’a pas donné de raison</translation>
    </message>
    <message>
        <source>Something went wrong in the app. Your data was kept; try again. If it happens again, the log folder (Help menu) tells customer service what happened.</source>
        <translation>Un problème est survenu dans l’application. Vos données ont été conservées ; réessayez. Si cela se reproduit, le dossier des journaux (menu Aide) permettra au service client de comprendre ce qui s’est passé.</translation>
    </message>
    <message>
        <source>This bill is already paid: nothing more to do. It shows as paid after the next refresh.</source>
        <translation>Cette facture est déjà payée : vous n’avez rien de plus à faire. Elle apparaîtra comme payée à la prochaine actualisation.</translation>
    </message>
    <message>
        <source>This email address is already used by another account. Use another one.</source>
        <translation>Cette adresse e-mail est déjà utilisée par un autre compte. Choisissez-en une autre.</translation>
    </message>
    <message>
        <source>Your previous request is still being processed. Wait a moment and look at its result before trying again: it will not be done twice.</source>
        <translation>Votre demande précédente est encore en cours de traitement. Patientez un instant et regardez son résultat avant de réessayer : elle ne sera pas exécutée deux fois.</translation>
    </message>
    <message>
        <source>This is the only payment method of an active subscription. Add another method first, then remove this one.</source>
        <translation>C’est le seul moyen de paiement d’un abonnement actif. Ajoutez d’abord un autre moyen de paiement, puis supprimez celui-ci.</translation>
    </message>
    <message>
        <source>A cheaper plan is possible once your commitment ends, on {date}. You can choose it from that day.</source>
        <translation>Une offre moins chère sera possible à la fin de votre engagement, le {date}. Vous pourrez la choisir à partir de ce jour.</translation>
    </message>
    <message>
        <source>This plan is not possible before your commitment ends.</source>
        <translation>Cette offre n’est pas possible avant la fin de votre engagement.</translation>
    </message>
    <message>
        <source>This subscription is no longer active, so it cannot be changed. Refresh to see its state.</source>
        <translation>Cet abonnement n’est plus actif : il ne peut pas être modifié. Actualisez pour voir son état.</translation>
    </message>
    <message>
        <source>There is no cancellation to withdraw: it may already have taken effect. Refresh to see your contract's state.</source>
        <translation>Il n’y a pas de résiliation à annuler : elle a peut-être déjà pris effet. Actualisez pour voir l’état de votre contrat.</translation>
    </message>
    <message>
        <source>iCanal refused the change: {detail}</source>
        <translation>iCanal a refusé la modification : {detail}</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Technical problem</source>
        <translation>Problème technique</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>New support request</source>
        <translation>Nouvelle demande au service client</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Describe the problem…</source>
        <translation>Décrivez le problème…</translation>
    </message>
    <message>
        <source>Problem with the request</source>
        <translation>Problème dans la demande</translation>
    </message>
    <message>
        <source>Linked bill</source>
        <translation>Facture concernée</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Problem with bill {number}</source>
        <translation>Problème sur la facture {number}</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Envoyer la demande</translation>
    </message>
    <message>
        <source>Not available offline: this needs a connection to iCanal.</source>
        <translation>Indisponible hors ligne : une connexion à iCanal est nécessaire.</translation>
    </message>
    <message>
        <source>The subject needs at least 3 characters.</source>
        <translation>L’objet doit compter au moins 3 caractères.</translation>
    </message>
    <message>
        <source>Write a message for the support team.</source>
        <translation>Écrivez un message pour le service client.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>last updated {when}</source>
        <translation>dernière mise à jour le {when}</translation>
    </message>
    <message>
        <source>nothing saved on this computer yet</source>
        <translation>rien n’est encore enregistré sur cet ordinateur</translation>
    </message>
    <message>
        <source>Connecting… Showing saved data ({since}).</source>
        <translation>Connexion… Affichage des données enregistrées ({since}).</translation>
    </message>
    <message>
        <source>Signed out — {since}. Sign in again to update.</source>
        <translation>Déconnecté — {since}. Reconnectez-vous pour mettre à jour.</translation>
    </message>
    <message>
        <source>Offline — {since}.</source>
        <translation>Hors ligne — {since}.</translation>
    </message>
    <message>
        <source>Retrying in {n} s.</source>
        <translation>Nouvel essai dans {n} s.</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Nouvel essai…</translation>
    </message>
</context>
<context>
    <name>OnlineGate</name>
    <message>
        <source>Not available offline: this needs a connection to iCanal.</source>
        <translation>Indisponible hors ligne : une connexion à iCanal est nécessaire.</translation>
    </message>
</context>
<context>
    <name>PayBillDialog</name>
    <message>
        <source>Pay bill {number}</source>
        <translation>Payer la facture {number}</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Montant à payer</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>What will be charged</source>
        <translation>Ce qui sera débité</translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Pay with</source>
        <translation>Payer avec</translation>
    </message>
    <message>
        <source>Payment receipt</source>
        <translation>Reçu de paiement</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Not available offline: this needs a connection to iCanal.</source>
        <translation>Indisponible hors ligne : une connexion à iCanal est nécessaire.</translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation>Payer {amount}</translation>
    </message>
    <message>
        <source>Add a payment method in the Payment methods tab first.</source>
        <translation>Ajoutez d’abord un moyen de paiement dans l’onglet Moyens de paiement.</translation>
    </message>
    <message>
        <source>{amount} will be charged now to {method}.</source>
        <translation>{amount} seront débités maintenant sur {method}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>The payment was declined ({reason}). Try another method.</source>
        <translation>Le paiement a été refusé ({reason}). Essayez un autre moyen de paiement.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>If the payment went through, trying again will not charge you twice.</source>
        <translation>Si le paiement a abouti, réessayer ne vous débitera pas une deuxième fois.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Payment received — thank you.</source>
        <translation>Paiement reçu — merci.</translation>
    </message>
</context>
<context>
    <name>PaymentMethods</name>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>SEPA direct debit</source>
        <translation>Prélèvement SEPA</translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation>Mobile money</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>This card has expired: add a new card.</source>
        <translation>Cette carte a expiré : ajoutez une nouvelle carte.</translation>
    </message>
    <message>
        <source>This card expires within two months: add the new one when it comes.</source>
        <translation>Cette carte expire dans moins de deux mois : ajoutez la nouvelle dès réception.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>★ Default</source>
        <translation>★ Par défaut</translation>
    </message>
</context>
<context>
    <name>PaymentMethodsTab</name>
    <message>
        <source>Payment methods</source>
        <translation>Moyens de paiement</translation>
    </message>
    <message>
        <source>&amp;Add a payment method</source>
        <translation>&amp;Ajouter un moyen de paiement</translation>
    </message>
    <message>
        <source>Add a payment method</source>
        <translation>Ajouter un moyen de paiement</translation>
    </message>
    <message>
        <source>Card…</source>
        <translation>Carte…</translation>
    </message>
    <message>
        <source>SEPA direct debit…</source>
        <translation>Prélèvement SEPA…</translation>
    </message>
    <message>
        <source>Mobile money…</source>
        <translation>Mobile money…</translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation>Définir par &amp;défaut</translation>
    </message>
    <message>
        <source>Make the selected method the default</source>
        <translation>Définir le moyen sélectionné par défaut</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Remove the selected method</source>
        <translation>Supprimer le moyen sélectionné</translation>
    </message>
    <message>
        <source>Expiry warning</source>
        <translation>Alerte d’expiration</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Your payment methods</source>
        <translation>Vos moyens de paiement</translation>
    </message>
    <message>
        <source>⚠ A card has expired: add a new one so your payments go through.</source>
        <translation>⚠ Une carte a expiré : ajoutez-en une nouvelle pour que vos paiements passent.</translation>
    </message>
    <message>
        <source>⚠ A card expires within two months: add the new card when it comes.</source>
        <translation>⚠ Une carte expire dans moins de deux mois : ajoutez la nouvelle carte dès réception.</translation>
    </message>
    <message>
        <source>The payment method was added.</source>
        <translation>Le moyen de paiement a été ajouté.</translation>
    </message>
    <message>
        <source>{method} is now your default payment method.</source>
        <translation>{method} est maintenant votre moyen de paiement par défaut.</translation>
    </message>
    <message>
        <source>Remove a payment method</source>
        <translation>Supprimer un moyen de paiement</translation>
    </message>
    <message>
        <source>Remove {method} from your account?</source>
        <translation>Supprimer {method} de votre compte ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>{method} was removed.</source>
        <translation>{method} a été supprimé.</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
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
        <source>Method</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Facture</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <source>Search payments</source>
        <translation>Rechercher des paiements</translation>
    </message>
    <message>
        <source>Search by reference, method, amount…</source>
        <translation>Rechercher par référence, moyen, montant…</translation>
    </message>
    <message>
        <source>Number of payments</source>
        <translation>Nombre de paiements</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export the payment history as CSV</source>
        <translation>Exporter l’historique des paiements en CSV</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Résultat de l’export</translation>
    </message>
    <message>
        <source>Payment history</source>
        <translation>Historique des paiements</translation>
    </message>
    <message>
        <source>{n} payment(s)</source>
        <translation>{n} paiement(s)</translation>
    </message>
    <message>
        <source>{shown} of {n}</source>
        <translation>{shown} sur {n}</translation>
    </message>
    <message>
        <source>Export payments</source>
        <translation>Exporter les paiements</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Le fichier n’a pas pu être enregistré : {reason}</translation>
    </message>
    <message>
        <source>{n} payment(s) exported to {path}</source>
        <translation>{n} paiement(s) exporté(s) dans {path}</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Bill PDF</source>
        <translation>PDF de la facture</translation>
    </message>
    <message>
        <source>PDF status</source>
        <translation>État du PDF</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Enregistrer le PDF sous</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the bill</source>
        <translation>Imprimer la facture</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Select a bill to see its PDF.</source>
        <translation>Sélectionnez une facture pour voir son PDF.</translation>
    </message>
    <message>
        <source>This PDF cannot be displayed (the file is damaged).</source>
        <translation>Ce PDF ne peut pas être affiché (le fichier est endommagé).</translation>
    </message>
    <message>
        <source>Save the bill</source>
        <translation>Enregistrer la facture</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>Le fichier n’a pas pu être enregistré : {reason}</translation>
    </message>
</context>
<context>
    <name>PlanComparison</name>
    <message>
        <source>Your plan</source>
        <translation>Votre offre</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Chaînes</translation>
    </message>
    <message>
        <source>Channels gained</source>
        <translation>Chaînes gagnées</translation>
    </message>
    <message>
        <source>Channels lost</source>
        <translation>Chaînes perdues</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} mois</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Promotions</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone mobile</translation>
    </message>
    <message>
        <source>Subscriber number</source>
        <translation>Numéro d’abonné</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Adresse postale</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Address (continued)</source>
        <translation>Complément d’adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country (2 letters)</source>
        <translation>Pays (2 lettres)</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Communication</translation>
    </message>
    <message>
        <source>News and offers by email</source>
        <translation>Actualités et offres par e-mail</translation>
    </message>
    <message>
        <source>News and offers by SMS</source>
        <translation>Actualités et offres par SMS</translation>
    </message>
    <message>
        <source>Language of letters and emails</source>
        <translation>Langue des courriers et e-mails</translation>
    </message>
    <message>
        <source>Letters and emails in</source>
        <translation>Courriers et e-mails en</translation>
    </message>
    <message>
        <source>&amp;Save my details</source>
        <translation>&amp;Enregistrer mes informations</translation>
    </message>
    <message>
        <source>Save my details</source>
        <translation>Enregistrer mes informations</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Your first and last names are required.</source>
        <translation>Vos prénom et nom sont obligatoires.</translation>
    </message>
    <message>
        <source>This email address is not valid.</source>
        <translation>Cette adresse e-mail n’est pas valide.</translation>
    </message>
    <message>
        <source>Write the phone number in international format, e.g. +33612345678.</source>
        <translation>Écrivez le numéro au format international, par ex. +33612345678.</translation>
    </message>
    <message>
        <source>The address and the city are required.</source>
        <translation>L’adresse et la ville sont obligatoires.</translation>
    </message>
    <message>
        <source>This postal code is not valid.</source>
        <translation>Ce code postal n’est pas valide.</translation>
    </message>
    <message>
        <source>The country is a 2-letter code, e.g. FR.</source>
        <translation>Le pays est un code de 2 lettres, par ex. FR.</translation>
    </message>
    <message>
        <source>Nothing to save: your details are unchanged.</source>
        <translation>Rien à enregistrer : vos informations n’ont pas changé.</translation>
    </message>
    <message>
        <source>Confirm your new email</source>
        <translation>Confirmez votre nouvelle adresse e-mail</translation>
    </message>
    <message>
        <source>To change your email to {email}, enter your current password.</source>
        <translation>Pour remplacer votre adresse e-mail par {email}, saisissez votre mot de passe actuel.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Your details were saved.</source>
        <translation>Vos informations ont été enregistrées.</translation>
    </message>
    <message>
        <source>The password is not right: your email was not changed.</source>
        <translation>Le mot de passe n’est pas le bon : votre adresse e-mail n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>Your password was changed. Other devices will need to sign in again.</source>
        <translation>Votre mot de passe a été changé. Vos autres appareils devront se reconnecter.</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>iCanal reminders</source>
        <translation>Rappels iCanal</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>dans {n} jours</translation>
    </message>
    <message>
        <source>Bill {number} is due {when}</source>
        <translation>La facture {number} est à payer {when}</translation>
    </message>
    <message>
        <source>{amount} to pay by {date}.</source>
        <translation>{amount} à payer avant le {date}.</translation>
    </message>
    <message>
        <source>Your subscription renews {when}</source>
        <translation>Votre abonnement se renouvelle {when}</translation>
    </message>
    <message>
        <source>{plan} renews on {date}.</source>
        <translation>{plan} se renouvelle le {date}.</translation>
    </message>
    <message>
        <source>Your card expires {when}</source>
        <translation>Votre carte expire {when}</translation>
    </message>
    <message>
        <source>{card} expires on {date}. Add a new card to keep paying.</source>
        <translation>{card} expire le {date}. Ajoutez une nouvelle carte pour continuer à payer.</translation>
    </message>
    <message>
        <source>iCanal: pay bill {number} ({amount})</source>
        <translation>iCanal : payer la facture {number} ({amount})</translation>
    </message>
    <message>
        <source>iCanal: {plan} subscription renews</source>
        <translation>iCanal : renouvellement de l’abonnement {plan}</translation>
    </message>
    <message>
        <source>iCanal: card {card} expires</source>
        <translation>iCanal : la carte {card} expire</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>your profile</source>
        <translation>votre profil</translation>
    </message>
    <message>
        <source>your subscription</source>
        <translation>votre abonnement</translation>
    </message>
    <message>
        <source>bills</source>
        <translation>factures</translation>
    </message>
    <message>
        <source>payment methods</source>
        <translation>moyens de paiement</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>paiements</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>offres</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>chaînes</translation>
    </message>
    <message>
        <source>support requests</source>
        <translation>demandes d’assistance</translation>
    </message>
    <message>
        <source>help articles</source>
        <translation>articles d’aide</translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>coordonnées</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>les changements</translation>
    </message>
    <message>
        <source>bill PDFs for offline use</source>
        <translation>les PDF des factures pour la consultation hors ligne</translation>
    </message>
    <message>
        <source>bill details</source>
        <translation>le détail des factures</translation>
    </message>
    <message>
        <source>support conversations</source>
        <translation>les échanges avec l’assistance</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — iCanal</source>
        <translation>Connexion — iCanal</translation>
    </message>
    <message>
        <source>Sign in to your iCanal account</source>
        <translation>Connectez-vous à votre compte iCanal</translation>
    </message>
    <message>
        <source>Email or subscriber number</source>
        <translation>E-mail ou numéro d’abonné</translation>
    </message>
    <message>
        <source>name@example.com or 10000001</source>
        <translation>nom@exemple.fr ou 10000001</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Se souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Checking this computer's secure storage…</source>
        <translation>Vérification du stockage sécurisé de cet ordinateur…</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>Mot de passe oublié ?</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation>Votre mot de passe a été changé. Connectez-vous avec le nouveau.</translation>
    </message>
    <message>
        <source>Too many attempts. For your security, try again in {wait}.</source>
        <translation>Trop de tentatives. Par sécurité, réessayez dans {wait}.</translation>
    </message>
    <message>
        <source>Stay signed in: a sign-in token is kept in the system keyring.</source>
        <translation>Rester connecté : un jeton de connexion est conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Not available: {reason}. You stay signed in until you quit.</source>
        <translation>Indisponible : {reason}. Vous restez connecté jusqu’à la fermeture de l’application.</translation>
    </message>
</context>
<context>
    <name>SpendingChart</name>
    <message>
        <source>Show spending</source>
        <translation>Afficher les dépenses</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>Par année</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>Total payé</translation>
    </message>
    <message>
        <source>Spending chart</source>
        <translation>Graphique des dépenses</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Total : {amount}</translation>
    </message>
    <message>
        <source>No payments yet</source>
        <translation>Aucun paiement pour l’instant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
</context>
<context>
    <name>SubscriptionTab</name>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
    <message>
        <source>Compare and &amp;change plan…</source>
        <translation>Comparer et &amp;changer d’offre…</translation>
    </message>
    <message>
        <source>Compare and change plan</source>
        <translation>Comparer et changer d’offre</translation>
    </message>
    <message>
        <source>C&amp;ancel subscription…</source>
        <translation>&amp;Résilier l’abonnement…</translation>
    </message>
    <message>
        <source>Cancel subscription</source>
        <translation>Résilier l’abonnement</translation>
    </message>
    <message>
        <source>&amp;Reactivate my subscription</source>
        <translation>R&amp;éactiver mon abonnement</translation>
    </message>
    <message>
        <source>Reactivate my subscription</source>
        <translation>Réactiver mon abonnement</translation>
    </message>
    <message>
        <source>Your contract</source>
        <translation>Votre contrat</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>Numéro de contrat</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Période de facturation</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>Commitment until</source>
        <translation>Engagement jusqu’au</translation>
    </message>
    <message>
        <source>Next bill (estimate)</source>
        <translation>Prochaine facture (estimation)</translation>
    </message>
    <message>
        <source>Renew automatically</source>
        <translation>Renouveler automatiquement</translation>
    </message>
    <message>
        <source>Auto-renew</source>
        <translation>Renouvellement auto</translation>
    </message>
    <message>
        <source>Decoder number</source>
        <translation>Numéro de décodeur</translation>
    </message>
    <message>
        <source>Viewing card number</source>
        <translation>Numéro de carte d’abonné</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy {what}</source>
        <translation>Copier : {what}</translation>
    </message>
    <message>
        <source>Channels included</source>
        <translation>Chaînes incluses</translation>
    </message>
    <message>
        <source>Search channels</source>
        <translation>Rechercher une chaîne</translation>
    </message>
    <message>
        <source>Search by number, name or category</source>
        <translation>Rechercher par numéro, nom ou catégorie</translation>
    </message>
    <message>
        <source>{plan} — {price} per month</source>
        <translation>{plan} — {price} par mois</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <source>No commitment</source>
        <translation>Sans engagement</translation>
    </message>
    <message>
        <source>Your subscription ends on {date}. Until then you can reactivate it: nothing changes and nothing is charged for it.</source>
        <translation>Votre abonnement se termine le {date}. D’ici là, vous pouvez le réactiver : rien ne change et rien ne vous est facturé pour cela.</translation>
    </message>
    <message>
        <source>Ends on {date}</source>
        <translation>Se termine le {date}</translation>
    </message>
    <message>
        <source>Ended on {date}</source>
        <translation>Terminé le {date}</translation>
    </message>
    <message>
        <source>{date} (then {plan})</source>
        <translation>{date} (puis {plan})</translation>
    </message>
    <message>
        <source>{shown} of {total} channels</source>
        <translation>{shown} chaînes sur {total}</translation>
    </message>
    <message>
        <source>{what} copied.</source>
        <translation>{what} copié.</translation>
    </message>
    <message>
        <source>Auto-renew is on.</source>
        <translation>Le renouvellement automatique est activé.</translation>
    </message>
    <message>
        <source>Auto-renew is off.</source>
        <translation>Le renouvellement automatique est désactivé.</translation>
    </message>
    <message>
        <source>Your subscription is reactivated. Welcome back!</source>
        <translation>Votre abonnement est réactivé. Bon retour parmi nous !</translation>
    </message>
</context>
<context>
    <name>SupportTab</name>
    <message>
        <source>Support sections</source>
        <translation>Rubriques de l’assistance</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Mes demandes</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Nous contacter</translation>
    </message>
    <message>
        <source>Search the help</source>
        <translation>Rechercher dans l’aide</translation>
    </message>
    <message>
        <source>Search the help (works offline)</source>
        <translation>Rechercher dans l’aide (fonctionne hors ligne)</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Nouvelle demande…</translation>
    </message>
    <message>
        <source>New support request</source>
        <translation>Nouvelle demande d’assistance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Adresse postale</translation>
    </message>
    <message>
        <source>Written answers</source>
        <translation>Réponses écrites</translation>
    </message>
    <message>
        <source>{n} question(s)</source>
        <translation>{n} question(s)</translation>
    </message>
    <message>
        <source>No question matches your search.</source>
        <translation>Aucune question ne correspond à votre recherche.</translation>
    </message>
    <message>
        <source>The messages of this request were not downloaded yet; they will be when the app is back online.</source>
        <translation>Les messages de cette demande ne sont pas encore téléchargés ; ils le seront quand l’application sera de nouveau en ligne.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Partly updated: {saved} saved; not updated: {failed}. {reason} The next sync completes it.</source>
        <translation>Mise à jour partielle. Enregistré : {saved}. Non mis à jour : {failed}. {reason} La prochaine synchronisation complétera le reste.</translation>
    </message>
    <message>
        <source>the latest changes</source>
        <translation>les derniers changements</translation>
    </message>
    <message>
        <source>Not updated: {reason} The next sync tries again.</source>
        <translation>Pas de mise à jour : {reason} La prochaine synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>Bill PDFs kept offline: {kept} of {wanted}. {reason} The next sync downloads the others.</source>
        <translation>PDF de factures conservés hors ligne : {kept} sur {wanted}. {reason} La prochaine synchronisation télécharge les autres.</translation>
    </message>
    <message>
        <source>Bill PDFs kept offline: {kept} of {wanted}. The next sync downloads the others.</source>
        <translation>PDF de factures conservés hors ligne : {kept} sur {wanted}. La prochaine synchronisation télécharge les autres.</translation>
    </message>
    <message>
        <source>Older bill PDFs not kept offline because of your size limit: {count} (Profile, This app on this computer).</source>
        <translation>PDF d’anciennes factures non conservés hors ligne à cause de votre limite de taille : {count} (Profil, L’application sur cet ordinateur).</translation>
    </message>
    <message>
        <source>Every bill is kept offline: {count} PDFs.</source>
        <translation>Toutes les factures sont conservées hors ligne : {count} PDF.</translation>
    </message>
</context>
<context>
    <name>TicketThread</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>iCanal support</source>
        <translation>Assistance iCanal</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
</context>
<context>
    <name>TicketThreadView</name>
    <message>
        <source>Choose a request to read its messages.</source>
        <translation>Choisissez une demande pour lire ses messages.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Messages of the request</source>
        <translation>Messages de la demande</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Écrivez une réponse…</translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation>Envoyer la &amp;réponse</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <source>{number} — {subject}
{category} · {status}</source>
        <translation>{number} — {subject}
{category} · {status}</translation>
    </message>
    <message>
        <source>About bill {number}</source>
        <translation>À propos de la facture {number}</translation>
    </message>
    <message>
        <source>Write your reply first.</source>
        <translation>Écrivez d’abord votre réponse.</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <source>Billing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Technical problem</source>
        <translation>Problème technique</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
</context>
</TS>