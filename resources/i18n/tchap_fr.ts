<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountForms</name>
    <message>
        <location filename="../../ui/accounts/form_server.py" line="42" />
        <source>Enter the address of your server.</source>
        <translation>Saisissez l’adresse de votre serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/links.py" line="14" />
        <location filename="../../ui/accounts/links.py" line="17" />
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/links.py" line="19" />
        <location filename="../../ui/accounts/links.py" line="22" />
        <source>Forgot password?</source>
        <translation>Mot de passe oublié ?</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/screens.py" line="54" />
        <source>Your password has been changed. Sign in with your new password.</source>
        <translation>Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="140" />
        <source>Tchap cannot start: the settings your IT department installed on this computer ({path}) cannot be read. Please contact your IT support.</source>
        <translation>Tchap ne peut pas démarrer : les paramètres installés sur cet ordinateur par votre service informatique ({path}) sont illisibles. Veuillez contacter votre support informatique.</translation>
    </message>
</context>
<context>
    <name>CompletionPopup</name>
    <message>
        <location filename="../../ui/views/room/completion.py" line="117" />
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/views/room/composer.py" line="121" />
        <location filename="../../ui/views/room/composer.py" line="122" />
        <location filename="../../ui/views/room/composer.py" line="261" />
        <source>Send a file</source>
        <translation>Envoyer un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="131" />
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="132" />
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="210" />
        <source>Write an encrypted message…</source>
        <translation>Écrire un message chiffré…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="212" />
        <source>Write a message…</source>
        <translation>Écrire un message…</translation>
    </message>
</context>
<context>
    <name>ComposerBanner</name>
    <message>
        <location filename="../../ui/views/room/composer_banner.py" line="28" />
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer_banner.py" line="29" />
        <source>Cancel the reply or the edit</source>
        <translation>Annuler la réponse ou la modification</translation>
    </message>
</context>
<context>
    <name>ConfirmLeaveDialog</name>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="18" />
        <source>Leave the conversation?</source>
        <translation>Quitter la discussion ?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="19" />
        <source>You will leave your conversation with {name}. You will no longer receive its messages.</source>
        <translation>Vous allez quitter votre discussion avec {name}. Vous ne recevrez plus ses messages.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="25" />
        <source>Leave the room?</source>
        <translation>Quitter le salon ?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="26" />
        <source>You will leave “{name}”. If it is private, you will need a new invitation to come back.</source>
        <translation>Vous allez quitter « {name} ». S’il est privé, il vous faudra une nouvelle invitation pour y revenir.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="31" />
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>ConfirmLinkDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="24" />
        <location filename="../../ui/dialogs/message_safety.py" line="34" />
        <source>Open this link?</source>
        <translation>Ouvrir ce lien ?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="25" />
        <source>The link shows “{text}” but leads to another address:
{target}

Open it only if you trust this address.</source>
        <translation>Le lien affiche « {text} » mais mène à une autre adresse :
{target}

Ne l’ouvrez que si vous faites confiance à cette adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="30" />
        <source>Open the link</source>
        <translation>Ouvrir le lien</translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="17" />
        <source>Delete this message?</source>
        <translation>Supprimer ce message ?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="19" />
        <source>It will be deleted for everyone in the conversation. Its author and the members will see that you deleted it.</source>
        <translation>Il sera supprimé pour tous les participants. Son auteur et les membres verront que vous l’avez supprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="25" />
        <source>It will be deleted for everyone in the conversation.</source>
        <translation>Il sera supprimé pour tous les participants.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="28" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="30" />
        <source>Reason (optional)</source>
        <translation>Motif (facultatif)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="31" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>EditHistoryDialog</name>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="20" />
        <source>Original, {when}
{text}</source>
        <translation>Original, {when}
{text}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="23" />
        <source>Edit {n}, {when}
{text}</source>
        <translation>Modification {n}, {when}
{text}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="33" />
        <location filename="../../ui/dialogs/edit_history.py" line="35" />
        <source>Edit history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="38" />
        <source>Versions of the message</source>
        <translation>Versions du message</translation>
    </message>
</context>
<context>
    <name>Emoji</name>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="26" />
        <source>thumbs up, agree, yes</source>
        <translation>pouce levé, d’accord, oui, thumbs up</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="27" />
        <source>thumbs down, disagree, no</source>
        <translation>pouce baissé, pas d’accord, non, thumbs down</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="28" />
        <source>red heart, love</source>
        <translation>cœur rouge, amour, heart</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="29" />
        <source>tears of joy, laugh</source>
        <translation>larmes de joie, rire, laugh</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="30" />
        <source>smile, happy</source>
        <translation>sourire, content, smile</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="31" />
        <source>slight smile</source>
        <translation>léger sourire, smile</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="32" />
        <source>wink</source>
        <translation>clin d’œil, wink</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="33" />
        <source>surprised, wow</source>
        <translation>surpris, étonné, wow</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="34" />
        <source>crying, sad</source>
        <translation>pleurs, triste, sad</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="35" />
        <source>angry</source>
        <translation>en colère, fâché, angry</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="36" />
        <source>thinking</source>
        <translation>réflexion, pensif, thinking</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="37" />
        <source>thank you, please</source>
        <translation>merci, s’il vous plaît, thanks</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="38" />
        <source>applause, clap</source>
        <translation>applaudissements, bravo, clap</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="39" />
        <source>party, congratulations</source>
        <translation>fête, félicitations, party</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="40" />
        <source>fire</source>
        <translation>feu, flamme, fire</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="41" />
        <source>check mark, done</source>
        <translation>coche, fait, validé, done</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="42" />
        <source>cross, wrong</source>
        <translation>croix, faux, erreur</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="43" />
        <source>eyes, looking</source>
        <translation>yeux, je regarde, eyes</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="44" />
        <source>hundred points, perfect</source>
        <translation>cent points, parfait</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="45" />
        <source>rocket, launch</source>
        <translation>fusée, lancement, rocket</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="46" />
        <source>waving hand, hello</source>
        <translation>main qui salue, bonjour, hello</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="47" />
        <source>OK hand</source>
        <translation>OK de la main</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="48" />
        <source>strong, courage</source>
        <translation>biceps, force, courage</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="49" />
        <source>handshake, deal</source>
        <translation>poignée de main, accord, handshake</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="50" />
        <source>coffee</source>
        <translation>café, pause, coffee</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="51" />
        <source>alarm clock, time</source>
        <translation>réveil, heure, horaire</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="52" />
        <source>calendar, meeting</source>
        <translation>calendrier, réunion, rendez-vous</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="53" />
        <source>paperclip, attachment</source>
        <translation>trombone, pièce jointe</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="54" />
        <source>warning</source>
        <translation>attention, avertissement, warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="55" />
        <source>question</source>
        <translation>question, point d’interrogation</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="56" />
        <source>star</source>
        <translation>étoile, favori, star</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="57" />
        <source>flag of France</source>
        <translation>drapeau de la France, français</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="70" />
        <source>Choose a reaction</source>
        <translation>Choisir une réaction</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="72" />
        <location filename="../../ui/views/room/emoji_picker.py" line="73" />
        <source>Search an emoji</source>
        <translation>Rechercher un émoji</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="76" />
        <source>Emoji</source>
        <translation>Émojis</translation>
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="28" />
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="29" />
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="30" />
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="31" />
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
</context>
<context>
    <name>InvitePanel</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="115" />
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="117" />
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="139" />
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="151" />
        <source>{inviter} wants to chat with you</source>
        <translation>{inviter} souhaite discuter avec vous</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="152" />
        <source>Accept to start the conversation.</source>
        <translation>Acceptez pour commencer la discussion.</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="155" />
        <source>{inviter} invited you to “{room}”</source>
        <translation>{inviter} vous invite dans « {room} »</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="157" />
        <source>Accept to join the room and read its messages.</source>
        <translation>Acceptez pour rejoindre le salon et lire ses messages.</translation>
    </message>
</context>
<context>
    <name>JumpToBottomButton</name>
    <message numerus="yes">
        <location filename="../../ui/views/room/jump_button.py" line="68" />
        <source>Go to the newest messages (%n new)</source>
        <translation>
            <numerusform>Aller aux messages les plus récents (%n nouveau)</numerusform>
            <numerusform>Aller aux messages les plus récents (%n nouveaux)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/room/jump_button.py" line="71" />
        <source>Go to the newest messages</source>
        <translation>Aller aux messages les plus récents</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../ui/views/signin/login.py" line="190" />
        <source>@firstname.lastname:example.org</source>
        <translation>@prenom.nom:exemple.fr</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="189" />
        <source>Matrix ID, username or email address</source>
        <translation>Identifiant Matrix, nom d’utilisateur ou adresse électronique</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="66" />
        <source>The French state's secure messenger</source>
        <translation>La messagerie sécurisée de l’État</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="86" />
        <location filename="../../ui/views/signin/login.py" line="101" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="91" />
        <location filename="../../ui/views/signin/login.py" line="258" />
        <source>Show password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="109" />
        <source>Store my session in a file on this computer instead (less secure)</source>
        <translation>Enregistrer plutôt ma session dans un fichier sur cet ordinateur (moins sûr)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="113" />
        <location filename="../../ui/views/signin/login.py" line="205" />
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="180" />
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="205" />
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="217" />
        <source>Enter your identifier and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="234" />
        <source>Sign-in failed. Try again later.</source>
        <translation>La connexion a échoué. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="258" />
        <source>Hide password</source>
        <translation>Masquer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="80" />
        <source>firstname.lastname@ministry.gouv.fr</source>
        <translation>prenom.nom@ministere.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="81" />
        <source>Professional email address or Matrix ID</source>
        <translation>Adresse électronique professionnelle ou identifiant Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="98" />
        <location filename="../../ui/views/signin/login.py" line="234" />
        <source>Professional email address</source>
        <translation>Adresse électronique professionnelle</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="145" />
        <source>Sign out instead</source>
        <translation>Me déconnecter plutôt</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="148" />
        <source>Sign out of this account</source>
        <translation>Se déconnecter de ce compte</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="213" />
        <source>Sign in again</source>
        <translation>Me reconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="220" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="51" />
        <source>No secure keyring on this computer: your session is stored in a file readable by your account only.</source>
        <translation>Aucun trousseau sécurisé sur cet ordinateur : votre session est enregistrée dans un fichier lisible par votre seul compte.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="126" />
        <location filename="../../ui/views/main/main_window.py" line="132" />
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="127" />
        <source>Sign out of Tchap on this computer?</source>
        <translation>Se déconnecter de Tchap sur cet ordinateur ?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="129" />
        <source>The messages and encryption keys stored on this computer will be deleted. Encrypted conversations may become unreadable here unless your keys are saved on another device or exported.</source>
        <translation>Les messages et les clés de chiffrement enregistrés sur cet ordinateur seront supprimés. Les conversations chiffrées pourraient devenir illisibles ici, sauf si vos clés sont conservées sur un autre appareil ou exportées.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="159" />
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="168" />
        <source>Your session has ended. Sign in again.</source>
        <translation>Votre session a pris fin. Reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="201" />
        <source>About Tchap</source>
        <translation>À propos de Tchap</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="205" />
        <source>&lt;b&gt;Tchap Desktop&lt;/b&gt;&lt;br&gt;The French state's secure messenger.&lt;br&gt;&lt;br&gt;Free software (AGPL-3.0-or-later), built on the Matrix protocol.</source>
        <translation>&lt;b&gt;Tchap Desktop&lt;/b&gt;&lt;br&gt;La messagerie sécurisée de l’État.&lt;br&gt;&lt;br&gt;Logiciel libre (AGPL-3.0 ou ultérieure), fondé sur le protocole Matrix.</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../ui/views/room/message_actions.py" line="53" />
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="17" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="21" />
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="25" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="37" />
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="40" />
        <source>Sending… {percent}%</source>
        <translation>Envoi… {percent} %</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="52" />
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="60" />
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="61" />
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="62" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="63" />
        <source>React…</source>
        <translation>Réagir…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="64" />
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="65" />
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="66" />
        <source>View source</source>
        <translation>Voir la source</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="67" />
        <source>View edit history</source>
        <translation>Voir l’historique des modifications</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="74" />
        <source>Message actions</source>
        <translation>Actions sur le message</translation>
    </message>
</context>
<context>
    <name>MessageReaderDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="49" />
        <source>Whole message</source>
        <translation>Message complet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="53" />
        <source>Text of the message</source>
        <translation>Texte du message</translation>
    </message>
</context>
<context>
    <name>MessageSourceDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="34" />
        <location filename="../../ui/dialogs/message_source.py" line="37" />
        <source>Message source</source>
        <translation>Source du message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="39" />
        <source>Decrypted</source>
        <translation>Déchiffré</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="40" />
        <source>Encrypted (as sent)</source>
        <translation>Chiffré (tel qu’envoyé)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="42" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
</context>
<context>
    <name>NewDirectChatDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="26" />
        <source>New direct chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="27" />
        <source>Start an end-to-end encrypted conversation with one person.</source>
        <translation>Démarrez une discussion chiffrée de bout en bout avec une personne.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="28" />
        <source>Start the conversation</source>
        <translation>Démarrer la discussion</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="37" />
        <source>Matrix ID</source>
        <translation>Identifiant Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="47" />
        <source>Enter a Matrix ID like @first.last-ministry.gouv.fr:agent.tchap.gouv.fr</source>
        <translation>Saisissez un identifiant Matrix comme @prenom.nom-ministere.gouv.fr:agent.tchap.gouv.fr</translation>
    </message>
</context>
<context>
    <name>NewPasswordField</name>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="36" />
        <location filename="../../ui/accounts/password_field.py" line="119" />
        <source>Show password</source>
        <translation>Afficher le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="42" />
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="50" />
        <location filename="../../ui/accounts/password_field.py" line="60" />
        <source>Confirm the password</source>
        <translation>Confirmez le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="80" />
        <source>Choose a password.</source>
        <translation>Choisissez un mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="82" />
        <source>The password needs {rules}.</source>
        <translation>Le mot de passe doit contenir {rules}.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="86" />
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="104" />
        <source>Strength: {word}</source>
        <translation>Robustesse : {word}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="110" />
        <source>The server asks for:</source>
        <translation>Le serveur exige :</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="119" />
        <source>Hide password</source>
        <translation>Masquer le mot de passe</translation>
    </message>
</context>
<context>
    <name>ReadReceipts</name>
    <message numerus="yes">
        <location filename="../../ui/views/room/receipts.py" line="152" />
        <source>+%n</source>
        <translation>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/room/receipts.py" line="158" />
        <source>Read by %n person(s)</source>
        <translation>
            <numerusform>Lu par %n personne</numerusform>
            <numerusform>Lu par %n personnes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/room/receipts.py" line="161" />
        <source>{name}, at {time}</source>
        <translation>{name}, à {time}</translation>
    </message>
</context>
<context>
    <name>RegisterTexts</name>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="23" />
        <source>Cannot reach {server}. Check the address and your connection.</source>
        <translation>Impossible de joindre {server}. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="26" />
        <source>{server} did not answer as a Matrix server. Check the address or try again later.</source>
        <translation>{server} n’a pas répondu comme un serveur Matrix. Vérifiez l’adresse ou réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="29" />
        <source>The server had a problem. Try again later.</source>
        <translation>Le serveur a rencontré un problème. Réessayez plus tard.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/accounts/register_texts.py" line="32" />
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="35" />
        <source>The server address is not valid.</source>
        <translation>L’adresse du serveur n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="37" />
        <source>This server does not let you create an account. Ask your administrator.</source>
        <translation>Ce serveur ne permet pas de créer un compte. Adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="40" />
        <source>This server cannot check an email address, so it cannot create an account or reset a password this way.</source>
        <translation>Ce serveur ne peut pas vérifier d’adresse électronique : il ne permet donc pas de créer un compte ni de réinitialiser un mot de passe de cette façon.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="43" />
        <source>Addresses of this domain cannot create an account on this server. Use your professional address, or ask your administrator.</source>
        <translation>Les adresses de ce domaine ne peuvent pas créer de compte sur ce serveur. Utilisez votre adresse professionnelle ou adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="47" />
        <source>An account already exists for this address. Sign in, or reset your password if you forgot it.</source>
        <translation>Un compte existe déjà pour cette adresse. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="50" />
        <source>No account uses this address on this server. Check the address, or create an account.</source>
        <translation>Aucun compte n’utilise cette adresse sur ce serveur. Vérifiez l’adresse, ou créez un compte.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="53" />
        <source>This email address is not valid.</source>
        <translation>Cette adresse électronique n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="57" />
        <source>The server refused this password: {rule}</source>
        <translation>Le serveur a refusé ce mot de passe, il manque : {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="60" />
        <source>The server refused this password: it is too easy to guess. Choose a longer one.</source>
        <translation>Le serveur a refusé ce mot de passe : il est trop facile à deviner. Choisissez-en un plus long.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="63" />
        <source>The link in the email has not been opened yet. Open it, then try again.</source>
        <translation>Le lien du courriel n’a pas encore été ouvert. Ouvrez-le, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="66" />
        <source>Your current password is wrong.</source>
        <translation>Votre mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="68" />
        <source>This request has expired. Start again.</source>
        <translation>Cette demande a expiré. Recommencez.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="69" />
        <source>Something went wrong. Try again later.</source>
        <translation>Une erreur s’est produite. Réessayez plus tard.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/accounts/register_texts.py" line="77" />
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>au moins %n caractère</numerusform>
            <numerusform>au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="78" />
        <source>longer</source>
        <translation>plus de caractères</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="80" />
        <source>a digit</source>
        <translation>un chiffre</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="82" />
        <source>a symbol (such as ! or -)</source>
        <translation>un symbole (comme ! ou -)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="84" />
        <source>a lowercase letter</source>
        <translation>une lettre minuscule</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="85" />
        <source>an uppercase letter</source>
        <translation>une lettre majuscule</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="91" />
        <source>Very weak</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="92" />
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="93" />
        <source>Fair</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="94" />
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="95" />
        <source>Strong</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="102" />
        <source>We sent an email to {email}. Open the link it contains: this window goes on by itself once you have.</source>
        <translation>Nous avons envoyé un courriel à {email}. Ouvrez le lien qu’il contient : cette fenêtre poursuivra d’elle-même dès que ce sera fait.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="108" />
        <source>We sent an email to {email}. Open the link it contains and confirm, then choose your new password here.</source>
        <translation>Nous avons envoyé un courriel à {email}. Ouvrez le lien qu’il contient et confirmez, puis choisissez ici votre nouveau mot de passe.</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/accounts/register.py" line="76" />
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="79" />
        <source>first.last@ministry.gouv.fr</source>
        <translation>prenom.nom@ministere.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="80" />
        <location filename="../../ui/accounts/register.py" line="95" />
        <source>Professional email address</source>
        <translation>Adresse électronique professionnelle</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="82" />
        <source>Jeanne Martin</source>
        <translation>Jeanne Martin</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="83" />
        <location filename="../../ui/accounts/register.py" line="97" />
        <source>Your name</source>
        <translation>Vos prénom et nom</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="84" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="86" />
        <location filename="../../ui/accounts/register.py" line="89" />
        <location filename="../../ui/accounts/register.py" line="179" />
        <source>Create the account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="91" />
        <source>I already have an account</source>
        <translation>J’ai déjà un compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="92" />
        <source>Back to sign-in</source>
        <translation>Retour à la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="112" />
        <location filename="../../ui/accounts/register.py" line="116" />
        <source>Check your mailbox</source>
        <translation>Consultez votre messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="118" />
        <source>Waiting for the link to be opened</source>
        <translation>En attente de l’ouverture du lien</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="120" />
        <location filename="../../ui/accounts/register.py" line="121" />
        <source>Send the email again</source>
        <translation>Renvoyer le courriel</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="122" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="123" />
        <source>Cancel the registration</source>
        <translation>Annuler la création du compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="179" />
        <source>Creating the account…</source>
        <translation>Création du compte…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="190" />
        <source>Enter your professional email address.</source>
        <translation>Saisissez votre adresse électronique professionnelle.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="214" />
        <source>Something went wrong. Try again later.</source>
        <translation>Une erreur s’est produite. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="247" />
        <source>Your address is confirmed. Signing in…</source>
        <translation>Votre adresse est confirmée. Connexion en cours…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="253" />
        <source>Your account is created, but signing in failed: {reason}</source>
        <translation>Votre compte est créé, mais la connexion a échoué : {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="277" />
        <source>The email was sent again.</source>
        <translation>Le courriel a été renvoyé.</translation>
    </message>
</context>
<context>
    <name>RelationTexts</name>
    <message>
        <location filename="../../ui/relation_texts.py" line="19" />
        <source>Message deleted by {name}. Reason: {reason}</source>
        <translation>Message supprimé par {name}. Motif : {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="23" />
        <source>Message deleted by {name}</source>
        <translation>Message supprimé par {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="25" />
        <source>Message deleted. Reason: {reason}</source>
        <translation>Message supprimé. Motif : {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="26" />
        <location filename="../../ui/relation_texts.py" line="39" />
        <source>Message deleted</source>
        <translation>Message supprimé</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="31" />
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="37" />
        <source>Original message not available</source>
        <translation>Message d’origine indisponible</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="41" />
        <source>Encrypted message</source>
        <translation>Message chiffré</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="43" />
        <source>File: {name}</source>
        <translation>Fichier : {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="51" />
        <source>Loading the original message…</source>
        <translation>Chargement du message d’origine…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/relation_texts.py" line="59" />
        <source>{names} and %n more reacted with {key}</source>
        <translation>
            <numerusform>{names} et %n autre personne ont réagi avec {key}</numerusform>
            <numerusform>{names} et %n autres personnes ont réagi avec {key}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="61" />
        <source>{names} reacted with {key}</source>
        <translation>{names} a réagi avec {key}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="66" />
        <source>Replying to {name}</source>
        <translation>En réponse à {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="71" />
        <source>Editing your message</source>
        <translation>Modification de votre message</translation>
    </message>
</context>
<context>
    <name>ResetView</name>
    <message>
        <location filename="../../ui/accounts/reset.py" line="68" />
        <source>Forgot your password?</source>
        <translation>Mot de passe oublié ?</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="69" />
        <source>Enter the email address of your account: we will send you a link to choose a new password.</source>
        <translation>Saisissez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="74" />
        <source>first.last@ministry.gouv.fr</source>
        <translation>prenom.nom@ministere.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="75" />
        <source>Email address of your account</source>
        <translation>Adresse électronique de votre compte</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="77" />
        <location filename="../../ui/accounts/reset.py" line="80" />
        <source>Send the link</source>
        <translation>Envoyer le lien</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="82" />
        <location filename="../../ui/accounts/reset.py" line="83" />
        <location filename="../../ui/accounts/reset.py" line="115" />
        <location filename="../../ui/accounts/reset.py" line="116" />
        <source>Back to sign-in</source>
        <translation>Retour à la connexion</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="87" />
        <source>Email address</source>
        <translation>Adresse électronique</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="99" />
        <source>Check your mailbox</source>
        <translation>Consultez votre messagerie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="103" />
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="104" />
        <location filename="../../ui/accounts/reset.py" line="106" />
        <source>Sign out of all my other sessions</source>
        <translation>Me déconnecter de toutes mes autres sessions</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="108" />
        <location filename="../../ui/accounts/reset.py" line="111" />
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="113" />
        <location filename="../../ui/accounts/reset.py" line="114" />
        <source>Send the email again</source>
        <translation>Renvoyer le courriel</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="161" />
        <source>Enter the email address of your account.</source>
        <translation>Saisissez l’adresse électronique de votre compte.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="228" />
        <source>The email was sent again.</source>
        <translation>Le courriel a été renvoyé.</translation>
    </message>
</context>
<context>
    <name>RoomDelegate</name>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="39" />
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="40" />
        <source>Invitation from {inviter}</source>
        <translation>Invitation de {inviter}</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="43" />
        <source>Encrypted message</source>
        <translation>Message chiffré</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="48" />
        <source>{sender}: {body}</source>
        <translation>{sender} : {body}</translation>
    </message>
</context>
<context>
    <name>RoomHeader</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="46" />
        <source>End-to-end encrypted</source>
        <translation>Chiffré de bout en bout</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="48" />
        <source>Messages in this conversation are end-to-end encrypted.</source>
        <translation>Les messages de cette conversation sont chiffrés de bout en bout.</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="78" />
        <source>Direct conversation</source>
        <translation>Discussion directe</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/room/room_pane.py" line="81" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Salon settings</source>
        <translation>Paramètres du salon</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message>
        <location filename="../../ui/models/room_list.py" line="58" />
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="59" />
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="60" />
        <source>Direct chats</source>
        <translation>Discussions directes</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="61" />
        <source>Salons</source>
        <translation>Salons</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="62" />
        <source>Low priority</source>
        <translation>Priorité basse</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="80" />
        <source>{names} and %n other(s)</source>
        <translation>
            <numerusform>{names} et %n autre</numerusform>
            <numerusform>{names} et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="85" />
        <source>{names} and {last}</source>
        <translation>{names} et {last}</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="97" />
        <source>Empty room (was {names})</source>
        <translation>Salon vide (anciennement {names})</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="100" />
        <location filename="../../ui/models/room_list.py" line="105" />
        <source>Empty room</source>
        <translation>Salon vide</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="352" />
        <source>{section}: %n conversation(s), folded</source>
        <translation>
            <numerusform>{section} : %n conversation, section repliée</numerusform>
            <numerusform>{section} : %n conversations, section repliée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="354" />
        <source>{section}: %n conversation(s), unfolded</source>
        <translation>
            <numerusform>{section} : %n conversation, section dépliée</numerusform>
            <numerusform>{section} : %n conversations, section dépliée</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomListView</name>
    <message>
        <location filename="../../ui/views/main/room_list.py" line="50" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_list.py" line="69" />
        <source>Loading your conversations…</source>
        <translation>Chargement de vos conversations…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_list.py" line="73" />
        <source>No conversations yet. Start one with the + button.</source>
        <translation>Aucune conversation pour l’instant. Démarrez-en une avec le bouton +.</translation>
    </message>
</context>
<context>
    <name>RoomMenu</name>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="46" />
        <source>Conversation actions</source>
        <translation>Actions sur la conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="57" />
        <source>Accept the invitation</source>
        <translation>Accepter l’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="58" />
        <source>Decline the invitation</source>
        <translation>Refuser l’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="61" />
        <source>Favourite</source>
        <translation>Favori</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="64" />
        <source>Low priority</source>
        <translation>Priorité basse</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="68" />
        <source>Mark as read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="70" />
        <source>Mark as unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="72" />
        <source>Leave…</source>
        <translation>Quitter…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Inviter des personnes…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
</context>
<context>
    <name>RoomPane</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="220" />
        <source>Select a conversation</source>
        <translation>Sélectionnez une conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="223" />
        <source>or start a new one with the + button.</source>
        <translation>ou démarrez-en une avec le bouton +.</translation>
    </message>
</context>
<context>
    <name>RowParts</name>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="59" />
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="133" />
        <source>Read the whole message</source>
        <translation>Lire le message en entier</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="135" />
        <source>Show less</source>
        <translation>Afficher moins</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="136" />
        <source>Show more</source>
        <translation>Afficher plus</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="73" />
        <location filename="../../ui/views/main/sidebar.py" line="74" />
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="77" />
        <source>About Tchap</source>
        <translation>À propos de Tchap</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="79" />
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="89" />
        <source>Search a conversation</source>
        <translation>Rechercher une conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="92" />
        <source>Search a conversation (Ctrl+K)</source>
        <translation>Rechercher une conversation (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="98" />
        <location filename="../../ui/views/main/sidebar.py" line="99" />
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="102" />
        <source>New direct chat…</source>
        <translation>Nouvelle discussion…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="111" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="118" />
        <source>No conversation matches your search.</source>
        <translation>Aucune conversation ne correspond à votre recherche.</translation>
    </message>
    <message>
        <source>New salon…</source>
        <translation>Nouveau salon…</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>Rechercher une personne…</translation>
    </message>
    <message>
        <source>Browse public salons…</source>
        <translation>Parcourir les salons publics…</translation>
    </message>
</context>
<context>
    <name>StartFailedView</name>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="20" />
        <source>Tchap cannot start</source>
        <translation>Tchap ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="26" />
        <source>Why Tchap cannot start</source>
        <translation>Pourquoi Tchap ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="27" />
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="29" />
        <source>Retry starting</source>
        <translation>Réessayer de démarrer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="30" />
        <source>&amp;Sign out and start again</source>
        <translation>Se &amp;déconnecter et recommencer</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="31" />
        <source>Sign out and start again</source>
        <translation>Se déconnecter et recommencer</translation>
    </message>
</context>
<context>
    <name>StateTexts</name>
    <message>
        <location filename="../../ui/state_texts.py" line="40" />
        <source>{sender} changed the room settings</source>
        <translation>{sender} a modifié les paramètres du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="43" />
        <source>{sentence} (reason: {reason})</source>
        <translation>{sentence} (motif : {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="52" />
        <source>{target} joined the room</source>
        <translation>{target} a rejoint le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="54" />
        <source>{target} left the room</source>
        <translation>{target} a quitté le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="56" />
        <source>{sender} invited {target}</source>
        <translation>{sender} a invité {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="60" />
        <source>{sender} removed {target} from the room</source>
        <translation>{sender} a retiré {target} du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="64" />
        <source>{sender} banned {target}</source>
        <translation>{sender} a banni {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="68" />
        <source>{sender} lifted the ban on {target}</source>
        <translation>{sender} a levé le bannissement de {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="72" />
        <source>{target} declined the invitation</source>
        <translation>{target} a refusé l’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="74" />
        <source>{sender} withdrew the invitation of {target}</source>
        <translation>{sender} a retiré l’invitation de {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="78" />
        <source>{target} asked to join the room</source>
        <translation>{target} a demandé à rejoindre le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="80" />
        <source>{target} is now called {value}</source>
        <translation>{target} s’appelle désormais {value}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="84" />
        <source>{target} chose the name {value}</source>
        <translation>{target} a choisi le nom {value}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="88" />
        <source>{target} removed their name</source>
        <translation>{target} a supprimé son nom</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="90" />
        <source>{target} changed their picture</source>
        <translation>{target} a changé sa photo</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="98" />
        <source>{sender} created the room</source>
        <translation>{sender} a créé le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="101" />
        <source>{sender} removed the room name</source>
        <translation>{sender} a supprimé le nom du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="104" />
        <source>{sender} renamed the room “{value}”</source>
        <translation>{sender} a renommé le salon « {value} »</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="109" />
        <source>{sender} removed the topic</source>
        <translation>{sender} a supprimé le sujet</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="110" />
        <source>{sender} changed the topic to “{value}”</source>
        <translation>{sender} a changé le sujet en « {value} »</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="115" />
        <source>{sender} removed the room picture</source>
        <translation>{sender} a supprimé l’image du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="118" />
        <source>{sender} changed the room picture</source>
        <translation>{sender} a changé l’image du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="122" />
        <source>{sender} turned on end-to-end encryption</source>
        <translation>{sender} a activé le chiffrement de bout en bout</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="134" />
        <source>{sender} replaced this room with a new one</source>
        <translation>{sender} a remplacé ce salon par un nouveau salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="146" />
        <source>{sender} allowed anyone to join the room</source>
        <translation>{sender} a permis à tout le monde de rejoindre le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="147" />
        <source>{sender} made the room invitation-only</source>
        <translation>{sender} a réservé le salon aux personnes invitées</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="148" />
        <source>{sender} allowed people to ask to join the room</source>
        <translation>{sender} a permis de demander à rejoindre le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="149" />
        <source>{sender} allowed members of other rooms to join</source>
        <translation>{sender} a permis aux membres d’autres salons de rejoindre celui-ci</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="150" />
        <source>{sender} changed who can join the room</source>
        <translation>{sender} a modifié les conditions pour rejoindre le salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="156" />
        <source>{sender} opened the room to external users</source>
        <translation>{sender} a ouvert le salon aux externes</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="157" />
        <source>{sender} reserved the room for state agents</source>
        <translation>{sender} a réservé le salon aux agents de l’État</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="158" />
        <source>{sender} set up the room as a direct chat</source>
        <translation>{sender} a configuré le salon en discussion directe</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="159" />
        <source>{sender} changed the room's access rule</source>
        <translation>{sender} a modifié la règle d’accès du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="165" />
        <source>{sender} made the history visible to all members</source>
        <translation>{sender} a rendu l’historique visible par tous les membres</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="166" />
        <source>{sender} made the history visible to members from their invitation</source>
        <translation>{sender} a rendu l’historique visible par les membres à partir de leur invitation</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="169" />
        <source>{sender} made the history visible to members from their arrival</source>
        <translation>{sender} a rendu l’historique visible par les membres à partir de leur arrivée</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="172" />
        <source>{sender} made the history visible to anyone</source>
        <translation>{sender} a rendu l’historique visible par tout le monde</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="173" />
        <source>{sender} changed who can read the history</source>
        <translation>{sender} a modifié qui peut lire l’historique</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="179" />
        <location filename="../../ui/state_texts.py" line="202" />
        <source>{sender} changed the room's permissions</source>
        <translation>{sender} a modifié les droits du salon</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="191" />
        <source>{sender} made {target} an administrator</source>
        <translation>{sender} a nommé {target} administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="193" />
        <source>{sender} made {target} a moderator</source>
        <translation>{sender} a nommé {target} modérateur</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="195" />
        <source>{sender} removed {target}'s administrator rights</source>
        <translation>{sender} a retiré ses droits d’administrateur à {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="197" />
        <source>{sender} removed {target}'s moderator rights</source>
        <translation>{sender} a retiré ses droits de modérateur à {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="199" />
        <source>{sender} set {target}'s power level to {level}</source>
        <translation>{sender} a fixé le niveau de droits de {target} à {level}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="211" />
        <source>Unsupported event ({type})</source>
        <translation>Événement non pris en charge ({type})</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="214" />
        <source>Unsupported event</source>
        <translation>Événement non pris en charge</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="244" />
        <source>%n person(s) joined</source>
        <translation>
            <numerusform>%n personne a rejoint le salon</numerusform>
            <numerusform>%n personnes ont rejoint le salon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="245" />
        <source>%n person(s) left</source>
        <translation>
            <numerusform>%n personne est partie</numerusform>
            <numerusform>%n personnes sont parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="246" />
        <source>%n person(s) invited</source>
        <translation>
            <numerusform>%n personne invitée</numerusform>
            <numerusform>%n personnes invitées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="247" />
        <source>%n person(s) removed</source>
        <translation>
            <numerusform>%n personne exclue</numerusform>
            <numerusform>%n personnes exclues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="248" />
        <source>%n person(s) changed their name or picture</source>
        <translation>
            <numerusform>%n personne a changé de nom ou de photo</numerusform>
            <numerusform>%n personnes ont changé de nom ou de photo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="251" />
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n autre changement</numerusform>
            <numerusform>%n autres changements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TchapDialog</name>
    <message>
        <location filename="../../ui/dialogs/base.py" line="52" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../ui/texts.py" line="24" />
        <source>Wrong identifier or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="26" />
        <source>Cannot reach {server}. Check the address and your connection.</source>
        <translation>Impossible de joindre {server}. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="30" />
        <source>{server} is not a Matrix server.</source>
        <translation>{server} n’est pas un serveur Matrix.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="35" />
        <source>The server had a problem ({status}). Try again later.</source>
        <translation>Le serveur a rencontré un problème ({status}). Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="39" />
        <source>This account has been deactivated.</source>
        <translation>Ce compte a été désactivé.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="41" />
        <source>This account has expired. Renew it with the link sent to your email address.</source>
        <translation>Ce compte a expiré. Renouvelez-le avec le lien envoyé à votre adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="45" />
        <source>Enter a Matrix ID (@name:server) or a professional email address.</source>
        <translation>Saisissez un identifiant Matrix (@nom:serveur) ou une adresse e-mail professionnelle.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="49" />
        <source>The server address is not valid. It looks like https://matrix.example.fr</source>
        <translation>L’adresse du serveur n’est pas valide. Elle ressemble à https://matrix.exemple.fr</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="53" />
        <source>No secure password store (keyring) is available on this system, so your session cannot be kept safely. Install or unlock one (GNOME Keyring, KWallet) and try again.</source>
        <translation>Aucun trousseau sécurisé (keyring) n’est disponible sur ce système : votre session ne peut pas être conservée en sécurité. Installez ou déverrouillez-en un (GNOME Keyring, KWallet), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="58" />
        <source>Sign-in failed. Try again later.</source>
        <translation>La connexion a échoué. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="63" />
        <source>Too many attempts. Try again in {seconds} s.</source>
        <translation>Trop de tentatives. Réessayez dans {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="71" />
        <source>The server refused the deletion. The message stays.</source>
        <translation>Le serveur a refusé la suppression. Le message reste affiché.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="73" />
        <source>The server refused your reaction. It was removed.</source>
        <translation>Le serveur a refusé votre réaction. Elle a été retirée.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="75" />
        <source>The server refused your edit. The message keeps its text.</source>
        <translation>Le serveur a refusé votre modification. Le message garde son texte.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="76" />
        <source>The server refused a change. It was undone.</source>
        <translation>Le serveur a refusé une modification. Elle a été annulée.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="82" />
        <source>The server cannot be reached. Check your connection.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="85" />
        <source>You are not allowed to do this.</source>
        <translation>Vous n’avez pas l’autorisation de faire cela.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="86" />
        <source>This user or room does not exist.</source>
        <translation>Cet utilisateur ou ce salon n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="87" />
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Trop de requêtes. Patientez un instant puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="90" />
        <source>The server had a problem. Try again later.</source>
        <translation>Le serveur a rencontré un problème. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="91" />
        <source>This Matrix ID does not exist or cannot be invited.</source>
        <translation>Cet identifiant Matrix n’existe pas ou ne peut pas être invité.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="94" />
        <source>Encryption is not ready yet. Wait a moment and try again.</source>
        <translation>Le chiffrement n’est pas encore prêt. Patientez un instant puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="97" />
        <source>This key file cannot be read: check the file and its passphrase.</source>
        <translation>Ce fichier de clés est illisible : vérifiez le fichier et sa phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="100" />
        <source>This file cannot be read: check that it still exists and that you may open it.</source>
        <translation>Ce fichier ne peut pas être lu : vérifiez qu’il existe toujours et que vous pouvez l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="105" />
        <source>Something went wrong. Try again later.</source>
        <translation>Une erreur s’est produite. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="111" />
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="114" />
        <source>Connection lost. Retrying…</source>
        <translation>Connexion perdue. Nouvelle tentative…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="115" />
        <source>Connection lost. Retrying in {n} s…</source>
        <translation>Connexion perdue. Nouvelle tentative dans {n} s…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="119" />
        <source>Your account has expired. Renew it with the link sent by email.</source>
        <translation>Votre compte a expiré. Renouvelez-le avec le lien reçu par e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="121" />
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="128" />
        <source>Your messages stored on this computer cannot be read or written (the disk may be full, or the file damaged). Free some space and retry, or sign out to start again from the server.</source>
        <translation>Vos messages enregistrés sur cet ordinateur ne peuvent être ni lus ni écrits (le disque est peut-être plein, ou le fichier endommagé). Libérez de la place et réessayez, ou déconnectez-vous pour tout reprendre depuis le serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="132" />
        <source>The system keyring, where Tchap keeps your session, did not answer. Unlock it and retry.</source>
        <translation>Le trousseau du système, où Tchap garde votre session, n’a pas répondu. Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="135" />
        <source>The encryption keys stored on this computer cannot be opened. Retry, or sign out to start again (encrypted history may become unreadable).</source>
        <translation>Les clés de chiffrement enregistrées sur cet ordinateur ne peuvent pas être ouvertes. Réessayez, ou déconnectez-vous pour recommencer (l’historique chiffré pourrait devenir illisible).</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="138" />
        <source>Tchap's installation seems damaged. Retry, or reinstall it.</source>
        <translation>L’installation de Tchap semble endommagée. Réessayez, ou réinstallez-la.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="144" />
        <source>Waiting for the key to decrypt this message</source>
        <translation>En attente de la clé pour déchiffrer ce message</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="150" />
        <source>File: {name}</source>
        <translation>Fichier : {name}</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="152" />
        <source>Unsupported message</source>
        <translation>Message non pris en charge</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/texts.py" line="162" />
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="164" />
        <source>{n} KB</source>
        <translation>{n} Ko</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="165" />
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="166" />
        <source>{n} GB</source>
        <translation>{n} Go</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="179" />
        <source>Not sent: the file is larger than the server accepts</source>
        <translation>Non envoyé : le fichier dépasse la taille acceptée par le serveur</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="181" />
        <source>Not sent: the file no longer exists</source>
        <translation>Non envoyé : le fichier n’existe plus</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="183" />
        <source>Not sent: the file cannot be read</source>
        <translation>Non envoyé : le fichier ne peut pas être lu</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="218" />
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="220" />
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/texts.py" line="235" />
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n message non lu</numerusform>
            <numerusform>%n messages non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/views/room/timeline.py" line="61" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>TypingLine</name>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="19" />
        <source>{name} is typing…</source>
        <translation>{name} est en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="21" />
        <source>{first} and {second} are typing…</source>
        <translation>{first} et {second} sont en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="24" />
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d’écrire…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="38" />
        <source>Who is typing</source>
        <translation>Qui est en train d’écrire</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="55" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="56" />
        <source>Stop looking for the server</source>
        <translation>Arrêter la recherche du serveur</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="60" />
        <source>Other server…</source>
        <translation>Autre serveur…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="64" />
        <source>Sign in to another server</source>
        <translation>Se connecter à un autre serveur</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="68" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="88" />
        <source>Set by your administrator</source>
        <translation>Défini par votre administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="188" />
        <source>Find my server from my address</source>
        <translation>Trouver mon serveur à partir de mon adresse</translation>
    </message>
</context>
<context>
    <name>SignInTexts</name>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="16" />
        <source>Looking for your server…</source>
        <translation>Recherche de votre serveur…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="22" />
        <source>Your account moved to {server}</source>
        <translation>Votre compte a été transféré sur {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="24" />
        <source>Your organisation's server: {server}</source>
        <translation>Serveur de votre administration : {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="27" />
        <source>Your server: {server}</source>
        <translation>Votre serveur : {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="32" />
        <source>Server: {server} (set by your administrator)</source>
        <translation>Serveur : {server} (défini par votre administrateur)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="39" />
        <source>Search stopped. Sign in to try again.</source>
        <translation>Recherche interrompue. Cliquez sur « Se connecter » pour réessayer.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="44" />
        <source>Enter your professional email address, or your Matrix ID with Other server… opened.</source>
        <translation>Saisissez votre adresse électronique professionnelle, ou votre identifiant Matrix après avoir ouvert « Autre serveur… ».</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="54" />
        <source>No Tchap server knows the address {address}. Check it, or choose Other server… if your organisation has its own server.</source>
        <translation>Aucun serveur Tchap ne connaît l’adresse {address}. Vérifiez-la, ou choisissez « Autre serveur… » si votre organisation dispose de son propre serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="60" />
        <source>The connection to the Tchap servers is not secure (invalid certificate). If this persists, contact your IT support.</source>
        <translation>La connexion aux serveurs Tchap n’est pas sécurisée (certificat non valide). Si le problème persiste, contactez votre support informatique.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="66" />
        <source>The Tchap servers are not answering right now. Try again in a few minutes.</source>
        <translation>Les serveurs Tchap ne répondent pas pour le moment. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="71" />
        <source>Cannot reach the Tchap servers to find yours. Check your connection.</source>
        <translation>Impossible de joindre les serveurs Tchap pour trouver le vôtre. Vérifiez votre connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="81" />
        <source>The connection to {server} is not secure: its certificate is not valid. If this persists, contact your IT support.</source>
        <translation>La connexion à {server} n’est pas sécurisée : son certificat n’est pas valide. Si le problème persiste, contactez votre support informatique.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="87" />
        <source>{server} is not answering right now. It may be down or under maintenance: try again in a few minutes.</source>
        <translation>{server} ne répond pas pour le moment. Il est peut-être arrêté ou en maintenance : réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="93" />
        <source>No server was found for this address.</source>
        <translation>Aucun serveur n’a été trouvé pour cette adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="99" />
        <source>The server ended your session. Enter your password again: your messages and encryption keys on this computer are kept.</source>
        <translation>Le serveur a mis fin à votre session. Saisissez de nouveau votre mot de passe : vos messages et vos clés de chiffrement sur cet ordinateur sont conservés.</translation>
    </message>
</context>
<context>
    <name>AccountTexts</name>
    <message>
        <source>Your account has expired</source>
        <translation>Votre compte a expiré</translation>
    </message>
    <message>
        <source>To keep using Tchap, renew your account with the link we send to your professional email address. Open the link, then come back here: your conversations are kept.</source>
        <translation>Pour continuer à utiliser Tchap, renouvelez votre compte grâce au lien envoyé à votre adresse électronique professionnelle. Ouvrez ce lien, puis revenez ici : vos conversations sont conservées.</translation>
    </message>
    <message>
        <source>The renewal email is on its way. Open the link it contains, then choose “I have renewed my account”.</source>
        <translation>L’e-mail de renouvellement vous a été envoyé. Ouvrez le lien qu’il contient, puis choisissez « J’ai renouvelé mon compte ».</translation>
    </message>
    <message>
        <source>This server cannot send renewal emails. Contact your administrator or support.</source>
        <translation>Ce serveur ne peut pas envoyer d’e-mail de renouvellement. Contactez votre administrateur ou le support.</translation>
    </message>
    <message>
        <source>Your account is still expired. Open the link in the renewal email, then try again.</source>
        <translation>Votre compte est toujours expiré. Ouvrez le lien reçu dans l’e-mail de renouvellement, puis réessayez.</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Externe</translation>
    </message>
    <message>
        <source>External users cannot create salons.</source>
        <translation>Les utilisateurs externes ne peuvent pas créer de salon.</translation>
    </message>
    <message>
        <source>External users cannot start a direct chat with another external user.</source>
        <translation>Les utilisateurs externes ne peuvent pas ouvrir de discussion directe avec un autre utilisateur externe.</translation>
    </message>
</context>
<context>
    <name>ExpiredView</name>
    <message>
        <source>Renewal status</source>
        <translation>État du renouvellement</translation>
    </message>
    <message>
        <source>&amp;Send me the renewal email</source>
        <translation>&amp;M’envoyer l’e-mail de renouvellement</translation>
    </message>
    <message>
        <source>Send me the renewal email</source>
        <translation>M’envoyer l’e-mail de renouvellement</translation>
    </message>
    <message>
        <source>&amp;I have renewed my account</source>
        <translation>J’ai &amp;renouvelé mon compte</translation>
    </message>
    <message>
        <source>I have renewed my account</source>
        <translation>J’ai renouvelé mon compte</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../ui/settings/account.py" line="40" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="49" />
        <source>Matrix ID</source>
        <translation>Identifiant Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="52" />
        <location filename="../../ui/settings/account.py" line="60" />
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="54" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="55" />
        <source>Save the display name</source>
        <translation>Enregistrer le nom affiché</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="71" />
        <source>Change photo…</source>
        <translation>Changer de photo…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="72" />
        <source>Change your photo</source>
        <translation>Changer votre photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="73" />
        <source>Remove photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="74" />
        <source>Remove your photo</source>
        <translation>Retirer votre photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="79" />
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="86" />
        <source>Email addresses</source>
        <translation>Adresses électroniques</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="92" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="93" />
        <source>Change password…</source>
        <translation>Changer de mot de passe…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="94" />
        <source>Change your password</source>
        <translation>Changer votre mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="98" />
        <source>Deactivate the account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="99" />
        <source>Close your account for good, for instance when you leave the administration. This cannot be undone.</source>
        <translation>Fermez définitivement votre compte, par exemple lorsque vous quittez l’administration. Cette action est irréversible.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="101" />
        <source>Deactivate the account…</source>
        <translation>Désactiver le compte…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="103" />
        <source>Deactivate your account</source>
        <translation>Désactiver votre compte</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="119" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="130" />
        <source>On Tchap your name comes from your administration's directory: it cannot be changed here.</source>
        <translation>Sur Tchap, votre nom provient de l’annuaire de votre administration : il ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="133" />
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="147" />
        <source>Your name was changed.</source>
        <translation>Votre nom a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="151" />
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="151" />
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="160" />
        <source>Sending the photo…</source>
        <translation>Envoi de la photo…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="167" />
        <source>Your photo was changed.</source>
        <translation>Votre photo a été modifiée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="168" />
        <source>Your photo was removed.</source>
        <translation>Votre photo a été retirée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="177" />
        <source>Your password was changed.</source>
        <translation>Votre mot de passe a été modifié.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="132" />
        <source>Change your password</source>
        <translation>Changer votre mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="132" />
        <source>Change the password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="135" />
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="137" />
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="138" />
        <source>Sign out my other sessions</source>
        <translation>Déconnecter mes autres sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="144" />
        <source>This session stays signed in.</source>
        <translation>Cette session reste connectée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="150" />
        <source>Type your current password.</source>
        <translation>Saisissez votre mot de passe actuel.</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="107" />
        <source>Deactivate your account</source>
        <translation>Désactiver votre compte</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="108" />
        <source>Your account will be closed for good. You will no longer be able to sign in, nobody will be able to write to you, and this cannot be undone. Your messages stay visible to the people you sent them to.</source>
        <translation>Votre compte sera fermé définitivement. Vous ne pourrez plus vous connecter, personne ne pourra plus vous écrire, et cette action est irréversible. Vos messages restent visibles pour les personnes à qui vous les avez envoyés.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="111" />
        <source>Deactivate the account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="114" />
        <source>I understand that this cannot be undone</source>
        <translation>Je comprends que cette action est irréversible</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="121" />
        <source>Tick the box to confirm that you understand.</source>
        <translation>Cochez la case pour confirmer que vous avez compris.</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Session ID</source>
        <translation>Identifiant de session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Last seen</source>
        <translation>Dernière activité</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../ui/settings/general.py" line="30" />
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="38" />
        <location filename="../../ui/settings/general.py" line="43" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="39" />
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="44" />
        <source>The new language applies the next time Tchap starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Tchap.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="52" />
        <source>Read receipts</source>
        <translation>Accusés de lecture</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="54" />
        <source>Let others know when I have read their messages</source>
        <translation>Indiquer aux autres membres que j’ai lu leurs messages</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="57" />
        <source>Keep my read receipts private</source>
        <translation>Garder mes accusés de lecture privés</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="59" />
        <source>With private receipts, your other devices still know what you have read, but other members do not.</source>
        <translation>Avec des accusés de lecture privés, vos autres appareils savent toujours ce que vous avez lu, mais pas les autres membres.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="62" />
        <source>Troubleshooting</source>
        <translation>Dépannage</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="66" />
        <location filename="../../ui/settings/general.py" line="76" />
        <source>Detail of the log file</source>
        <translation>Niveau de détail du journal</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="67" />
        <source>Errors only</source>
        <translation>Erreurs uniquement</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="67" />
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="68" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="68" />
        <source>Everything (to help support)</source>
        <translation>Tout (pour aider l’assistance)</translation>
    </message>
    <message>
        <source>Salon name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Save the name and topic</source>
        <translation>Enregistrer le nom et le sujet</translation>
    </message>
    <message>
        <source>Open to externals…</source>
        <translation>Ouvrir aux externes…</translation>
    </message>
    <message>
        <source>Open the salon to externals</source>
        <translation>Ouvrir le salon aux externes</translation>
    </message>
    <message>
        <source>Who can read the history</source>
        <translation>Qui peut lire l’historique</translation>
    </message>
    <message>
        <source>Turn on encryption…</source>
        <translation>Activer le chiffrement…</translation>
    </message>
    <message>
        <source>Turn on end-to-end encryption</source>
        <translation>Activer le chiffrement de bout en bout</translation>
    </message>
    <message>
        <source>List this forum in the directory of public salons</source>
        <translation>Faire figurer ce forum dans l’annuaire des salons publics</translation>
    </message>
    <message>
        <source>Leave the salon…</source>
        <translation>Quitter le salon…</translation>
    </message>
    <message>
        <source>Leave the salon</source>
        <translation>Quitter le salon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <source>Give the salon a name.</source>
        <translation>Donnez un nom au salon.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open to externals</source>
        <translation>Ouvrir aux externes</translation>
    </message>
    <message>
        <source>Turn on encryption</source>
        <translation>Activer le chiffrement</translation>
    </message>
<message>
        <source>Make private…</source>
        <translation>Rendre privé…</translation>
    </message>
    <message>
        <source>Make this forum a private salon</source>
        <translation>Faire de ce forum un salon privé</translation>
    </message>
    <message>
        <source>Make private</source>
        <translation>Rendre privé</translation>
    </message>
    </context>
<context>
    <name>PasswordPromptDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="90" />
        <source>Your password</source>
        <translation>Votre mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="97" />
        <source>Type your password to confirm.</source>
        <translation>Saisissez votre mot de passe pour confirmer.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../ui/settings/privacy.py" line="31" />
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="35" />
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="36" />
        <source>Hide my profile from the directory (liste rouge)</source>
        <translation>Masquer mon profil dans l’annuaire (liste rouge)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="41" />
        <source>Other agents will no longer find you by searching your name or address. Those who already talk with you still see you, and anyone can still write to you if they know your address.</source>
        <translation>Les autres agents ne vous trouveront plus en cherchant votre nom ou votre adresse. Les personnes qui échangent déjà avec vous vous voient toujours, et quiconque connaît votre adresse peut encore vous écrire.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="55" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="85" />
        <source>Your profile is hidden from the directory.</source>
        <translation>Votre profil est masqué dans l’annuaire.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="86" />
        <source>Your profile shows in the directory again.</source>
        <translation>Votre profil apparaît de nouveau dans l’annuaire.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../ui/settings/sessions.py" line="45" />
        <source>Rename the session</source>
        <translation>Renommer la session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="45" />
        <source>Only you see the names of your sessions.</source>
        <translation>Vous seul voyez les noms de vos sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="46" />
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="48" />
        <source>Session name</source>
        <translation>Nom de la session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="57" />
        <source>Type a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../ui/settings/sessions.py" line="67" />
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="72" />
        <source>Every device where your account is signed in. Sign out the ones you do not recognise or no longer use.</source>
        <translation>Tous les appareils sur lesquels votre compte est connecté. Déconnectez ceux que vous ne reconnaissez pas ou que vous n’utilisez plus.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="77" />
        <source>Your sessions</source>
        <translation>Vos sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="90" />
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="91" />
        <source>Rename the selected session</source>
        <translation>Renommer la session sélectionnée</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="92" />
        <source>Sign out…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="94" />
        <source>Sign out the selected sessions</source>
        <translation>Déconnecter les sessions sélectionnées</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="95" />
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="96" />
        <source>Refresh the list of sessions</source>
        <translation>Actualiser la liste des sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="129" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="166" />
        <source>These sessions will be signed out and will have to sign in again:
{names}</source>
        <translation>Ces sessions seront déconnectées et devront se reconnecter :
{names}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="168" />
        <source>Sign out</source>
        <translation>Déconnecter</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="39" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="45" />
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="59" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>SettingsOpener</name>
    <message>
        <location filename="../../ui/settings/opener.py" line="44" />
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/opener.py" line="58" />
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/opener.py" line="59" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <location filename="../../ui/settings/texts.py" line="23" />
        <source>The password is not correct.</source>
        <translation>Le mot de passe est incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="25" />
        <source>Your server does not accept a password to confirm this. Use another Tchap application to do it.</source>
        <translation>Votre serveur n’accepte pas de mot de passe pour confirmer cette action. Utilisez une autre application Tchap pour l’effectuer.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="28" />
        <source>The server cannot be reached. Check your connection and try again.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="31" />
        <source>The server gave an answer that cannot be read. Try again later.</source>
        <translation>Le serveur a renvoyé une réponse illisible. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="34" />
        <source>The server had a problem. Try again later.</source>
        <translation>Le serveur a rencontré un problème. Réessayez plus tard.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="37" />
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="40" />
        <source>Your server does not allow this change.</source>
        <translation>Votre serveur n’autorise pas cette modification.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="42" />
        <source>This session no longer exists. The list was refreshed.</source>
        <translation>Cette session n’existe plus. La liste a été actualisée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="44" />
        <source>This value cannot be used.</source>
        <translation>Cette valeur ne peut pas être utilisée.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="45" />
        <source>This could not be done. Try again later.</source>
        <translation>L’opération n’a pas pu aboutir. Réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="50" />
        <source>Set by your IT department for this computer: it cannot be changed here.</source>
        <translation>Défini par votre service informatique pour cet ordinateur : ce réglage ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="57" />
        <source>This session</source>
        <translation>Cette session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="59" />
        <source>Never seen</source>
        <translation>Jamais vue</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="63" />
        <source>{date} from {ip}</source>
        <translation>{date} depuis {ip}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="70" />
        <source>Unnamed session</source>
        <translation>Session sans nom</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="75" />
        <source>Sign out %n session(s)?</source>
        <translation>
            <numerusform>Déconnecter %n session ?</numerusform>
            <numerusform>Déconnecter %n sessions ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="80" />
        <source>%n session(s) signed out.</source>
        <translation>
            <numerusform>%n session déconnectée.</numerusform>
            <numerusform>%n sessions déconnectées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleTexts</name>
    <message>
        <source>A private salon cannot become a public forum.</source>
        <translation>Un salon privé ne peut pas devenir un forum public.</translation>
    </message>
    <message>
        <source>A salon open to externals cannot be closed to them again.</source>
        <translation>Un salon ouvert aux externes ne peut plus leur être fermé.</translation>
    </message>
    <message>
        <source>The kind of this salon cannot be changed.</source>
        <translation>Le type de ce salon ne peut pas être modifié.</translation>
    </message>
    <message>
        <source>A direct chat is between two people: create a salon to talk with more.</source>
        <translation>Une conversation directe se tient à deux : créez un salon pour échanger à plusieurs.</translation>
    </message>
    <message>
        <source>A direct chat has no name, topic or picture of its own.</source>
        <translation>Une conversation directe n’a ni nom, ni sujet, ni image propres.</translation>
    </message>
    <message>
        <source>External users can only be invited into a salon open to externals.</source>
        <translation>Les externes ne peuvent être invités que dans un salon ouvert aux externes.</translation>
    </message>
    <message>
        <source>An external user cannot be given more rights than a member.</source>
        <translation>Un externe ne peut pas recevoir plus de droits qu’un membre.</translation>
    </message>
    <message>
        <source>Only a forum can be listed in the directory of public salons.</source>
        <translation>Seul un forum peut figurer dans l’annuaire des salons publics.</translation>
    </message>
    <message>
        <source>Once turned on, encryption cannot be turned off.</source>
        <translation>Une fois activé, le chiffrement ne peut plus être désactivé.</translation>
    </message>
    <message>
        <source>A forum is not encrypted: every public servant can read it.</source>
        <translation>Un forum n’est pas chiffré : tous les agents publics peuvent le lire.</translation>
    </message>
    <message>
        <source>External users cannot create salons.</source>
        <translation>Les externes ne peuvent pas créer de salon.</translation>
    </message>
    <message>
        <source>Two external users cannot start a direct chat.</source>
        <translation>Deux externes ne peuvent pas démarrer de conversation directe.</translation>
    </message>
    <message>
        <source>Private salon</source>
        <translation>Salon privé</translation>
    </message>
    <message>
        <source>Private salon open to externals</source>
        <translation>Salon privé ouvert aux externes</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Conversation directe</translation>
    </message>
    <message>
        <source>Unencrypted salon</source>
        <translation>Salon non chiffré</translation>
    </message>
    <message>
        <source>Encrypted. Only the public servants you invite can join.</source>
        <translation>Chiffré. Seuls les agents publics que vous invitez peuvent le rejoindre.</translation>
    </message>
    <message>
        <source>Encrypted. You can also invite external partners.</source>
        <translation>Chiffré. Vous pouvez aussi y inviter des partenaires externes.</translation>
    </message>
    <message>
        <source>Not encrypted. Every public servant in France can find it, join it and read it.</source>
        <translation>Non chiffré. Tous les agents publics de France peuvent le trouver, le rejoindre et le lire.</translation>
    </message>
    <message>
        <source>Encrypted. Between two people.</source>
        <translation>Chiffré. Entre deux personnes.</translation>
    </message>
    <message>
        <source>Not encrypted. Only invited people can join.</source>
        <translation>Non chiffré. Seules les personnes invitées peuvent le rejoindre.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <source>Type Matrix IDs or email addresses, separated by commas, semicolons or new lines, or load a list.</source>
        <translation>Saisissez des adresses e-mail ou des identifiants Matrix, séparés par des virgules, des points-virgules ou des retours à la ligne, ou chargez une liste.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <source>jean.dupont@interieur.gouv.fr, @marie:…</source>
        <translation>jean.dupont@interieur.gouv.fr, @marie:…</translation>
    </message>
    <message>
        <source>People to invite</source>
        <translation>Personnes à inviter</translation>
    </message>
    <message>
        <source>Load a list (.txt, .csv)…</source>
        <translation>Charger une liste (.txt, .csv)…</translation>
    </message>
    <message>
        <source>Load a list of addresses from a file</source>
        <translation>Charger une liste d’adresses depuis un fichier</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Invitations sent so far</source>
        <translation>Invitations envoyées jusqu’ici</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Interrompre</translation>
    </message>
    <message>
        <source>Stop sending invitations</source>
        <translation>Interrompre l’envoi des invitations</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Load a list of addresses</source>
        <translation>Charger une liste d’adresses</translation>
    </message>
    <message>
        <source>Lists of addresses (*.txt *.csv);;All files (*)</source>
        <translation>Listes d’adresses (*.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This file cannot be read as a list of addresses: choose a .txt or .csv file under 2 MB.</source>
        <translation>Ce fichier ne peut pas être lu comme une liste d’adresses : choisissez un fichier .txt ou .csv de moins de 2 Mo.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>InviteReportModel</name>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>InviteTexts</name>
    <message>
        <source>To invite (email address)</source>
        <translation>À inviter (adresse e-mail)</translation>
    </message>
    <message>
        <source>To invite (Matrix ID)</source>
        <translation>À inviter (identifiant Matrix)</translation>
    </message>
    <message>
        <source>Neither an email address nor a Matrix ID</source>
        <translation>Ni une adresse e-mail ni un identifiant Matrix</translation>
    </message>
    <message>
        <source>Not sent: stopped</source>
        <translation>Non envoyée : envoi interrompu</translation>
    </message>
    <message>
        <source>Invitation sent</source>
        <translation>Invitation envoyée</translation>
    </message>
    <message>
        <source>Invitation sent by email (no account yet)</source>
        <translation>Invitation envoyée par e-mail (pas encore de compte)</translation>
    </message>
    <message>
        <source>Already a member of the salon</source>
        <translation>Déjà membre du salon</translation>
    </message>
    <message>
        <source>Already invited</source>
        <translation>Déjà invité</translation>
    </message>
    <message>
        <source>This address belongs to no Tchap server.</source>
        <translation>Cette adresse n’est rattachée à aucun serveur Tchap.</translation>
    </message>
    <message>
        <source>No account has this Matrix ID.</source>
        <translation>Aucun compte ne porte cet identifiant Matrix.</translation>
    </message>
    <message>
        <source>You are not allowed to invite people into this salon.</source>
        <translation>Vous n’avez pas le droit d’inviter des personnes dans ce salon.</translation>
    </message>
    <message>
        <source>The address directory cannot be reached. Try again later.</source>
        <translation>L’annuaire des adresses est injoignable. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server could not send this invitation. Try again later.</source>
        <translation>Le serveur n’a pas pu envoyer cette invitation. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection.</source>
        <translation>Le serveur est injoignable. Vérifiez votre connexion.</translation>
    </message>
    <message>
        <source>Type or paste addresses, or load a list.</source>
        <translation>Saisissez ou collez des adresses, ou chargez une liste.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) to invite.</source>
        <translation>
            <numerusform>%n personne à inviter.</numerusform>
            <numerusform>%n personnes à inviter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) will be left out: neither an address nor a Matrix ID.</source>
        <translation>
            <numerusform>%n entrée sera ignorée : ni une adresse ni un identifiant Matrix.</numerusform>
            <numerusform>%n entrées seront ignorées : ni des adresses ni des identifiants Matrix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) sent.</source>
        <translation>
            <numerusform>%n invitation envoyée.</numerusform>
            <numerusform>%n invitations envoyées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) already in the salon.</source>
        <translation>
            <numerusform>%n personne déjà dans le salon.</numerusform>
            <numerusform>%n personnes déjà dans le salon.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) refused.</source>
        <translation>
            <numerusform>%n invitation refusée.</numerusform>
            <numerusform>%n invitations refusées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) not an address.</source>
        <translation>
            <numerusform>%n entrée n’est pas une adresse.</numerusform>
            <numerusform>%n entrées ne sont pas des adresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) not sent: stopped.</source>
        <translation>
            <numerusform>%n invitation non envoyée : envoi interrompu.</numerusform>
            <numerusform>%n invitations non envoyées : envoi interrompu.</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
</context>
<context>
    <name>NewSalonDialog</name>
    <message>
        <source>New salon</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>Create the salon</source>
        <translation>Créer le salon</translation>
    </message>
    <message>
        <source>Salon name</source>
        <translation>Nom du salon</translation>
    </message>
    <message>
        <source>Topic (optional)</source>
        <translation>Sujet (facultatif)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Kind of salon</source>
        <translation>Type de salon</translation>
    </message>
    <message>
        <source>Give the salon a name.</source>
        <translation>Donnez un nom au salon.</translation>
    </message>
</context>
<context>
    <name>PicturePicker</name>
    <message>
        <source>Choose a picture…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>Choose the salon's picture</source>
        <translation>Choisir l’image du salon</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the salon's picture</source>
        <translation>Retirer l’image du salon</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choisir une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>This file is not a picture.</source>
        <translation>Ce fichier n’est pas une image.</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {name}</source>
        <translation>Paramètres de {name}</translation>
    </message>
    <message>
        <source>Salon settings pages</source>
        <translation>Pages des paramètres du salon</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Droits</translation>
    </message>
</context>
<context>
    <name>SalonTexts</name>
    <message>
        <source>Every public servant in France will be able to find this forum, join it and read all its messages. Share nothing confidential in it.</source>
        <translation>Tous les agents publics de France pourront trouver ce forum, le rejoindre et lire tous ses messages. N’y partagez rien de confidentiel.</translation>
    </message>
    <message>
        <source>External partners can be invited. This choice cannot be undone: the salon will stay open to externals.</source>
        <translation>Vous pourrez y inviter des partenaires externes. Ce choix est définitif : le salon restera ouvert aux externes.</translation>
    </message>
    <message>
        <source>Members, all of the history</source>
        <translation>Les membres, tout l’historique</translation>
    </message>
    <message>
        <source>Members, since they were invited</source>
        <translation>Les membres, depuis leur invitation</translation>
    </message>
    <message>
        <source>Members, since they joined</source>
        <translation>Les membres, depuis leur arrivée</translation>
    </message>
    <message>
        <source>The server has not answered yet: the change will be sent as soon as it can be.</source>
        <translation>Le serveur n’a pas encore répondu : la modification sera envoyée dès que possible.</translation>
    </message>
    <message>
        <source>The change was saved.</source>
        <translation>La modification a été enregistrée.</translation>
    </message>
    <message>
        <source>Your role in this salon does not allow this change.</source>
        <translation>Votre rôle dans ce salon ne permet pas cette modification.</translation>
    </message>
    <message>
        <source>Open this salon to externals? You will be able to invite partners from outside the administration. This cannot be undone.</source>
        <translation>Ouvrir ce salon aux externes ? Vous pourrez y inviter des partenaires extérieurs à l’administration. Ce choix est définitif.</translation>
    </message>
    <message>
        <source>Turn on end-to-end encryption? Once on, it can never be turned off, and new members will not read the messages sent before they joined.</source>
        <translation>Activer le chiffrement de bout en bout ? Une fois activé, il ne pourra plus être désactivé, et les nouveaux membres ne liront pas les messages envoyés avant leur arrivée.</translation>
    </message>
    <message>
        <source>Messages are end-to-end encrypted. Encryption cannot be turned off.</source>
        <translation>Les messages sont chiffrés de bout en bout. Le chiffrement ne peut pas être désactivé.</translation>
    </message>
    <message>
        <source>A forum is never encrypted: every public servant can read it.</source>
        <translation>Un forum n’est jamais chiffré : tous les agents publics peuvent le lire.</translation>
    </message>
    <message>
        <source>Messages are not encrypted.</source>
        <translation>Les messages ne sont pas chiffrés.</translation>
    </message>
<message>
        <source>Make this forum a private salon? It leaves the directory of public salons, only invited people can join it, and its new messages are encrypted. This cannot be undone.</source>
        <translation>Faire de ce forum un salon privé ? Il quittera l’annuaire des salons publics, seules les personnes invitées pourront le rejoindre et ses nouveaux messages seront chiffrés. Ce choix est définitif.</translation>
    </message>
    </context>
<context>
    <name>MemberTexts</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modérateur</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>Niveau {level}</translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation>Administrateurs</translation>
    </message>
    <message>
        <source>Moderators and above</source>
        <translation>Modérateurs et administrateurs</translation>
    </message>
    <message>
        <source>Every member</source>
        <translation>Tous les membres</translation>
    </message>
    <message>
        <source>Custom (level {level})</source>
        <translation>Personnalisé (niveau {level})</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <source>Invited by email</source>
        <translation>Invité par e-mail</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Banni</translation>
    </message>
    <message>
        <source>Send messages</source>
        <translation>Envoyer des messages</translation>
    </message>
    <message>
        <source>Invite people</source>
        <translation>Inviter des personnes</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Retirer des membres</translation>
    </message>
    <message>
        <source>Ban members</source>
        <translation>Bannir des membres</translation>
    </message>
    <message>
        <source>Delete other people's messages</source>
        <translation>Supprimer les messages des autres</translation>
    </message>
    <message>
        <source>Change the salon's name</source>
        <translation>Modifier le nom du salon</translation>
    </message>
    <message>
        <source>Change the topic</source>
        <translation>Modifier le sujet</translation>
    </message>
    <message>
        <source>Change the salon's picture</source>
        <translation>Modifier l’image du salon</translation>
    </message>
    <message>
        <source>Change who can read the history</source>
        <translation>Modifier qui peut lire l’historique</translation>
    </message>
    <message>
        <source>Turn on encryption</source>
        <translation>Activer le chiffrement</translation>
    </message>
    <message>
        <source>Open the salon to externals</source>
        <translation>Ouvrir le salon aux externes</translation>
    </message>
    <message>
        <source>Change the rights</source>
        <translation>Modifier les droits</translation>
    </message>
    <message>
        <source>Change the other settings</source>
        <translation>Modifier les autres paramètres</translation>
    </message>
    <message>
        <source>Notify the whole salon (@room)</source>
        <translation>Notifier tout le salon (@room)</translation>
    </message>
    <message>
        <source>Your role in this salon does not let you change this.</source>
        <translation>Votre rôle dans ce salon ne vous permet pas de modifier ce réglage.</translation>
    </message>
    <message>
        <source>You cannot give more rights than your own.</source>
        <translation>Vous ne pouvez pas accorder plus de droits que les vôtres.</translation>
    </message>
    <message>
        <source>You cannot change the rights of a member whose role is equal to or above yours.</source>
        <translation>Vous ne pouvez pas modifier les droits d’un membre dont le rôle est égal ou supérieur au vôtre.</translation>
    </message>
    <message>
        <source>Only a member with a higher role can change this.</source>
        <translation>Seul un membre d’un rôle supérieur peut modifier ce réglage.</translation>
    </message>
    <message>
        <source>This level is not valid.</source>
        <translation>Ce niveau n’est pas valide.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invited</source>
        <translation>
            <numerusform>%n invité</numerusform>
            <numerusform>%n invités</numerusform>
        </translation>
    </message>
    <message>
        <source>{members} · {invited}</source>
        <translation>{members} · {invited}</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) exported.</source>
        <translation>
            <numerusform>%n membre exporté.</numerusform>
            <numerusform>%n membres exportés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has not answered yet: this will be done as soon as it does.</source>
        <translation>Le serveur n’a pas encore répondu : l’action sera effectuée dès qu’il répondra.</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation>Le fichier n’a pas pu être enregistré. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>MembersOpener</name>
    <message>
        <source>Members (Ctrl+Shift+M)</source>
        <translation>Membres (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Close the members panel</source>
        <translation>Fermer le panneau des membres</translation>
    </message>
    <message>
        <source>Close (Ctrl+Shift+M)</source>
        <translation>Fermer (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>Filter members</source>
        <translation>Filtrer les membres</translation>
    </message>
    <message>
        <source>Members of the salon</source>
        <translation>Membres du salon</translation>
    </message>
    <message>
        <source>Actions on the selected member</source>
        <translation>Actions sur le membre sélectionné</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Exporter la liste</translation>
    </message>
    <message>
        <source>Export the list of members to a file</source>
        <translation>Exporter la liste des membres dans un fichier</translation>
    </message>
    <message>
        <source>Rights…</source>
        <translation>Droits…</translation>
    </message>
    <message>
        <source>Who can do what in this salon</source>
        <translation>Qui peut faire quoi dans ce salon</translation>
    </message>
    <message>
        <source>Actions on {name}</source>
        <translation>Actions sur {name}</translation>
    </message>
    <message>
        <source>Promote to moderator</source>
        <translation>Promouvoir modérateur</translation>
    </message>
    <message>
        <source>Make administrator</source>
        <translation>Nommer administrateur</translation>
    </message>
    <message>
        <source>Demote to member</source>
        <translation>Rétrograder</translation>
    </message>
    <message>
        <source>Remove from the salon…</source>
        <translation>Retirer du salon…</translation>
    </message>
    <message>
        <source>Lift the ban</source>
        <translation>Lever le bannissement</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>Bannir…</translation>
    </message>
    <message>
        <source>You cannot change anything for this member.</source>
        <translation>Vous ne pouvez rien modifier pour ce membre.</translation>
    </message>
    <message>
        <source>Ban {name}</source>
        <translation>Bannir {name}</translation>
    </message>
    <message>
        <source>{name} will be removed and cannot come back until the ban is lifted.</source>
        <translation>{name} sera retiré du salon et ne pourra pas y revenir tant que le bannissement ne sera pas levé.</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Bannir</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Retirer {name}</translation>
    </message>
    <message>
        <source>{name} will leave the salon and can be invited again.</source>
        <translation>{name} quittera le salon et pourra y être invité de nouveau.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>members</source>
        <translation>membres</translation>
    </message>
    <message>
        <source>Export the list of members</source>
        <translation>Exporter la liste des membres</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Inviter…</translation>
    </message>
    <message>
        <source>Invite people to this salon</source>
        <translation>Inviter des personnes dans ce salon</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (optional)</source>
        <translation>Motif (facultatif)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>RightsPage</name>
    <message>
        <source>Rights</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Choose who can do each of these actions in the salon.</source>
        <translation>Choisissez qui peut effectuer chacune de ces actions dans le salon.</translation>
    </message>
</context>
<context>
    <name>DirectoryTexts</name>
    <message>
        <source>Type a name or a professional email address.</source>
        <translation>Saisissez un nom ou une adresse électronique professionnelle.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>No one found for “{term}”.</source>
        <translation>Aucune personne trouvée pour « {term} ».</translation>
    </message>
    <message>
        <source>Only the first results are shown: type more to narrow them.</source>
        <translation>Seuls les premiers résultats sont affichés : précisez votre recherche.</translation>
    </message>
    <message>
        <source>Your account may not search the directory.</source>
        <translation>Votre compte ne permet pas de consulter l’annuaire.</translation>
    </message>
    <message>
        <source>Too many searches at once: wait a moment, then type again.</source>
        <translation>Trop de recherches simultanées : patientez un instant, puis reprenez la saisie.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the search will resume once it can.</source>
        <translation>Le serveur est injoignable : la recherche reprendra dès son rétablissement.</translation>
    </message>
    <message>
        <source>The directory could not be searched. Try again later.</source>
        <translation>L’annuaire n’a pas pu être consulté. Veuillez réessayer plus tard.</translation>
    </message>
    <message>
        <source>Invite into “{room}”</source>
        <translation>Inviter dans « {room} »</translation>
    </message>
    <message>
        <source>{name} was invited into “{room}”.</source>
        <translation>{name} a été invité(e) dans « {room} ».</translation>
    </message>
    <message>
        <source>This person cannot be invited into this salon (your rights, or the salon's rules).</source>
        <translation>Cette personne ne peut pas être invitée dans ce salon (vos droits ou les règles du salon ne le permettent pas).</translation>
    </message>
    <message>
        <source>Loading the public salons…</source>
        <translation>Chargement des salons publics…</translation>
    </message>
    <message>
        <source>No public salon matches “{term}”.</source>
        <translation>Aucun salon public ne correspond à « {term} ».</translation>
    </message>
    <message>
        <source>There is no public salon on this server yet.</source>
        <translation>Ce serveur ne compte encore aucun salon public.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the public salons cannot be listed.</source>
        <translation>Le serveur est injoignable : les salons publics ne peuvent pas être affichés.</translation>
    </message>
    <message>
        <source>The public salons could not be listed. Try again later.</source>
        <translation>Les salons publics n’ont pas pu être affichés. Veuillez réessayer plus tard.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Déjà membre</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Connexion au salon…</translation>
    </message>
    <message>
        <source>You may not join this salon.</source>
        <translation>Vous n’êtes pas autorisé(e) à rejoindre ce salon.</translation>
    </message>
    <message>
        <source>This salon no longer exists.</source>
        <translation>Ce salon n’existe plus.</translation>
    </message>
    <message>
        <source>Salon without a name</source>
        <translation>Salon sans nom</translation>
    </message>
</context>
<context>
    <name>PeopleSearchDialog</name>
    <message>
        <source>Find a person</source>
        <translation>Rechercher une personne</translation>
    </message>
    <message>
        <source>Name or professional email address</source>
        <translation>Nom ou adresse électronique professionnelle</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Rechercher dans l’annuaire</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Envoyer un message</translation>
    </message>
</context>
<context>
    <name>PublicRoomsDialog</name>
    <message>
        <source>Public salons</source>
        <translation>Salons publics</translation>
    </message>
    <message>
        <source>Forums open to every agent of the public service.</source>
        <translation>Les forums ouverts à tous les agents de la fonction publique.</translation>
    </message>
    <message>
        <source>Search a salon by name or topic</source>
        <translation>Rechercher un salon par nom ou par sujet</translation>
    </message>
    <message>
        <source>Search the public salons</source>
        <translation>Rechercher dans les salons publics</translation>
    </message>
    <message>
        <source>List state</source>
        <translation>État de la liste</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
</TS>
