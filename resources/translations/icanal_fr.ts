<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>Subscription status</source>
        <translation>État de l’abonnement</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renouvellement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
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
        <source>No subscription</source>
        <translation>Aucun abonnement</translation>
    </message>
    <message>
        <source>{plan} — {price} per month</source>
        <translation>{plan} — {price} par mois</translation>
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
        <source>{date} (in {days} days)</source>
        <translation>{date} (dans {days} jours)</translation>
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
        <source>This section is coming in a next version of iCanal Desktop.</source>
        <translation>Cette rubrique arrive dans une prochaine version d’iCanal Desktop.</translation>
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
        <source>S&amp;witch account</source>
        <translation>C&amp;hanger de compte</translation>
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
    <message>
        <source>Sync incomplete: {reason}</source>
        <translation>Synchronisation incomplète : {reason}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
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
        <source>Something went wrong ({kind}). Your data was kept; try again.</source>
        <translation>Un problème est survenu ({kind}). Vos données sont conservées ; réessayez.</translation>
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
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
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
</TS>