<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AccountForms</name>
    <message>
        <location filename="../../ui/accounts/form_server.py" line="42" />
        <source>Enter the address of your server.</source>
        <translation>Enter the address of your server.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/links.py" line="14" />
        <location filename="../../ui/accounts/links.py" line="17" />
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/links.py" line="19" />
        <location filename="../../ui/accounts/links.py" line="22" />
        <source>Forgot password?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/screens.py" line="54" />
        <source>Your password has been changed. Sign in with your new password.</source>
        <translation>Your password has been changed. Sign in with your new password.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="140" />
        <source>Tchap cannot start: the settings your IT department installed on this computer ({path}) cannot be read. Please contact your IT support.</source>
        <translation>Tchap cannot start: the settings your IT department installed on this computer ({path}) cannot be read. Please contact your IT support.</translation>
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
        <translation>Send a file</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="131" />
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="132" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="210" />
        <source>Write an encrypted message…</source>
        <translation>Write an encrypted message…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer.py" line="212" />
        <source>Write a message…</source>
        <translation>Write a message…</translation>
    </message>
</context>
<context>
    <name>ComposerBanner</name>
    <message>
        <location filename="../../ui/views/room/composer_banner.py" line="28" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/composer_banner.py" line="29" />
        <source>Cancel the reply or the edit</source>
        <translation>Cancel the reply or the edit</translation>
    </message>
</context>
<context>
    <name>ConfirmLeaveDialog</name>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="18" />
        <source>Leave the conversation?</source>
        <translation>Leave the conversation?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="19" />
        <source>You will leave your conversation with {name}. You will no longer receive its messages.</source>
        <translation>You will leave your conversation with {name}. You will no longer receive its messages.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="25" />
        <source>Leave the room?</source>
        <translation>Leave the room?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="26" />
        <source>You will leave “{name}”. If it is private, you will need a new invitation to come back.</source>
        <translation>You will leave “{name}”. If it is private, you will need a new invitation to come back.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/confirm.py" line="31" />
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>ConfirmLinkDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="24" />
        <location filename="../../ui/dialogs/message_safety.py" line="34" />
        <source>Open this link?</source>
        <translation>Open this link?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="25" />
        <source>The link shows “{text}” but leads to another address:
{target}

Open it only if you trust this address.</source>
        <translation>The link shows “{text}” but leads to another address:
{target}

Open it only if you trust this address.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="30" />
        <source>Open the link</source>
        <translation>Open the link</translation>
    </message>
</context>
<context>
    <name>DeleteMessageDialog</name>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="17" />
        <source>Delete this message?</source>
        <translation>Delete this message?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="19" />
        <source>It will be deleted for everyone in the conversation. Its author and the members will see that you deleted it.</source>
        <translation>It will be deleted for everyone in the conversation. Its author and the members will see that you deleted it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="25" />
        <source>It will be deleted for everyone in the conversation.</source>
        <translation>It will be deleted for everyone in the conversation.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="28" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="30" />
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/delete_message.py" line="31" />
        <source>Reason</source>
        <translation>Reason</translation>
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
        <translation>Edit {n}, {when}
{text}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="33" />
        <location filename="../../ui/dialogs/edit_history.py" line="35" />
        <source>Edit history</source>
        <translation>Edit history</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/edit_history.py" line="38" />
        <source>Versions of the message</source>
        <translation>Versions of the message</translation>
    </message>
</context>
<context>
    <name>Emoji</name>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="26" />
        <source>thumbs up, agree, yes</source>
        <translation>thumbs up, agree, yes</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="27" />
        <source>thumbs down, disagree, no</source>
        <translation>thumbs down, disagree, no</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="28" />
        <source>red heart, love</source>
        <translation>red heart, love</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="29" />
        <source>tears of joy, laugh</source>
        <translation>tears of joy, laugh</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="30" />
        <source>smile, happy</source>
        <translation>smile, happy</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="31" />
        <source>slight smile</source>
        <translation>slight smile</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="32" />
        <source>wink</source>
        <translation>wink</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="33" />
        <source>surprised, wow</source>
        <translation>surprised, wow</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="34" />
        <source>crying, sad</source>
        <translation>crying, sad</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="35" />
        <source>angry</source>
        <translation>angry</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="36" />
        <source>thinking</source>
        <translation>thinking</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="37" />
        <source>thank you, please</source>
        <translation>thank you, please</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="38" />
        <source>applause, clap</source>
        <translation>applause, clap</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="39" />
        <source>party, congratulations</source>
        <translation>party, congratulations</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="40" />
        <source>fire</source>
        <translation>fire</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="41" />
        <source>check mark, done</source>
        <translation>check mark, done</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="42" />
        <source>cross, wrong</source>
        <translation>cross, wrong</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="43" />
        <source>eyes, looking</source>
        <translation>eyes, looking</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="44" />
        <source>hundred points, perfect</source>
        <translation>hundred points, perfect</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="45" />
        <source>rocket, launch</source>
        <translation>rocket, launch</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="46" />
        <source>waving hand, hello</source>
        <translation>waving hand, hello</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="47" />
        <source>OK hand</source>
        <translation>OK hand</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="48" />
        <source>strong, courage</source>
        <translation>strong, courage</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="49" />
        <source>handshake, deal</source>
        <translation>handshake, deal</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="50" />
        <source>coffee</source>
        <translation>coffee</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="51" />
        <source>alarm clock, time</source>
        <translation>alarm clock, time</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="52" />
        <source>calendar, meeting</source>
        <translation>calendar, meeting</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="53" />
        <source>paperclip, attachment</source>
        <translation>paperclip, attachment</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="54" />
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="55" />
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="56" />
        <source>star</source>
        <translation>star</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="57" />
        <source>flag of France</source>
        <translation>flag of France</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="70" />
        <source>Choose a reaction</source>
        <translation>Choose a reaction</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="72" />
        <location filename="../../ui/views/room/emoji_picker.py" line="73" />
        <source>Search an emoji</source>
        <translation>Search an emoji</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/emoji_picker.py" line="76" />
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
</context>
<context>
    <name>HoverBar</name>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="28" />
        <source>React</source>
        <translation>React</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="29" />
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="30" />
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/hover_bar.py" line="31" />
        <source>More actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>InvitePanel</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="115" />
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="117" />
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="139" />
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="151" />
        <source>{inviter} wants to chat with you</source>
        <translation>{inviter} wants to chat with you</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="152" />
        <source>Accept to start the conversation.</source>
        <translation>Accept to start the conversation.</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="155" />
        <source>{inviter} invited you to “{room}”</source>
        <translation>{inviter} invited you to “{room}”</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="157" />
        <source>Accept to join the room and read its messages.</source>
        <translation>Accept to join the room and read its messages.</translation>
    </message>
</context>
<context>
    <name>JumpToBottomButton</name>
    <message numerus="yes">
        <location filename="../../ui/views/room/jump_button.py" line="68" />
        <source>Go to the newest messages (%n new)</source>
        <translation>
            <numerusform>Go to the newest messages (%n new)</numerusform>
            <numerusform>Go to the newest messages (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/room/jump_button.py" line="71" />
        <source>Go to the newest messages</source>
        <translation>Go to the newest messages</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../ui/views/signin/login.py" line="190" />
        <source>@firstname.lastname:example.org</source>
        <translation>@firstname.lastname:example.org</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="189" />
        <source>Matrix ID, username or email address</source>
        <translation>Matrix ID, username or email address</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="66" />
        <source>The French state's secure messenger</source>
        <translation>The French state's secure messenger</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="86" />
        <location filename="../../ui/views/signin/login.py" line="101" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="91" />
        <location filename="../../ui/views/signin/login.py" line="258" />
        <source>Show password</source>
        <translation>Show password</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="109" />
        <source>Store my session in a file on this computer instead (less secure)</source>
        <translation>Store my session in a file on this computer instead (less secure)</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="113" />
        <location filename="../../ui/views/signin/login.py" line="205" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="180" />
        <source>the server</source>
        <translation>the server</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="205" />
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="217" />
        <source>Enter your identifier and your password.</source>
        <translation>Enter your identifier and your password.</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="234" />
        <source>Sign-in failed. Try again later.</source>
        <translation>Sign-in failed. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="258" />
        <source>Hide password</source>
        <translation>Hide password</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="80" />
        <source>firstname.lastname@ministry.gouv.fr</source>
        <translation>firstname.lastname@ministry.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="81" />
        <source>Professional email address or Matrix ID</source>
        <translation>Professional email address or Matrix ID</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="98" />
        <location filename="../../ui/views/signin/login.py" line="234" />
        <source>Professional email address</source>
        <translation>Professional email address</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="145" />
        <source>Sign out instead</source>
        <translation>Sign out instead</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="148" />
        <source>Sign out of this account</source>
        <translation>Sign out of this account</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="213" />
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/login.py" line="220" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="51" />
        <source>No secure keyring on this computer: your session is stored in a file readable by your account only.</source>
        <translation>No secure keyring on this computer: your session is stored in a file readable by your account only.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="126" />
        <location filename="../../ui/views/main/main_window.py" line="132" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="127" />
        <source>Sign out of Tchap on this computer?</source>
        <translation>Sign out of Tchap on this computer?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="129" />
        <source>The messages and encryption keys stored on this computer will be deleted. Encrypted conversations may become unreadable here unless your keys are saved on another device or exported.</source>
        <translation>The messages and encryption keys stored on this computer will be deleted. Encrypted conversations may become unreadable here unless your keys are saved on another device or exported.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="159" />
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="168" />
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="201" />
        <source>About Tchap</source>
        <translation>About Tchap</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/main_window.py" line="205" />
        <source>&lt;b&gt;Tchap Desktop&lt;/b&gt;&lt;br&gt;The French state's secure messenger.&lt;br&gt;&lt;br&gt;Free software (AGPL-3.0-or-later), built on the Matrix protocol.</source>
        <translation>&lt;b&gt;Tchap Desktop&lt;/b&gt;&lt;br&gt;The French state's secure messenger.&lt;br&gt;&lt;br&gt;Free software (AGPL-3.0-or-later), built on the Matrix protocol.</translation>
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
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="21" />
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="25" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="37" />
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="40" />
        <source>Sending… {percent}%</source>
        <translation>Sending… {percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/send_footer.py" line="52" />
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="60" />
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="61" />
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="62" />
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="63" />
        <source>React…</source>
        <translation>React…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="64" />
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="65" />
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="66" />
        <source>View source</source>
        <translation>View source</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="67" />
        <source>View edit history</source>
        <translation>View edit history</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/message_menu.py" line="74" />
        <source>Message actions</source>
        <translation>Message actions</translation>
    </message>
</context>
<context>
    <name>MessageReaderDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="49" />
        <source>Whole message</source>
        <translation>Whole message</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_safety.py" line="53" />
        <source>Text of the message</source>
        <translation>Text of the message</translation>
    </message>
</context>
<context>
    <name>MessageSourceDialog</name>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="34" />
        <location filename="../../ui/dialogs/message_source.py" line="37" />
        <source>Message source</source>
        <translation>Message source</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="39" />
        <source>Decrypted</source>
        <translation>Decrypted</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="40" />
        <source>Encrypted (as sent)</source>
        <translation>Encrypted (as sent)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/message_source.py" line="42" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>NewDirectChatDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="26" />
        <source>New direct chat</source>
        <translation>New direct chat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="27" />
        <source>Start an end-to-end encrypted conversation with one person.</source>
        <translation>Start an end-to-end encrypted conversation with one person.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="28" />
        <source>Start the conversation</source>
        <translation>Start the conversation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="37" />
        <source>Matrix ID</source>
        <translation>Matrix ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_direct_chat.py" line="47" />
        <source>Enter a Matrix ID like @first.last-ministry.gouv.fr:agent.tchap.gouv.fr</source>
        <translation>Enter a Matrix ID like @first.last-ministry.gouv.fr:agent.tchap.gouv.fr</translation>
    </message>
</context>
<context>
    <name>NewPasswordField</name>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="36" />
        <location filename="../../ui/accounts/password_field.py" line="119" />
        <source>Show password</source>
        <translation>Show password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="42" />
        <source>Password strength</source>
        <translation>Password strength</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="50" />
        <location filename="../../ui/accounts/password_field.py" line="60" />
        <source>Confirm the password</source>
        <translation>Confirm the password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="80" />
        <source>Choose a password.</source>
        <translation>Choose a password.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="82" />
        <source>The password needs {rules}.</source>
        <translation>The password needs {rules}.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="86" />
        <source>The two passwords are different.</source>
        <translation>The two passwords are different.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="104" />
        <source>Strength: {word}</source>
        <translation>Strength: {word}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="110" />
        <source>The server asks for:</source>
        <translation>The server asks for:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/password_field.py" line="119" />
        <source>Hide password</source>
        <translation>Hide password</translation>
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
            <numerusform>Read by %n person</numerusform>
            <numerusform>Read by %n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/room/receipts.py" line="161" />
        <source>{name}, at {time}</source>
        <translation>{name}, at {time}</translation>
    </message>
</context>
<context>
    <name>RegisterTexts</name>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="23" />
        <source>Cannot reach {server}. Check the address and your connection.</source>
        <translation>Cannot reach {server}. Check the address and your connection.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="26" />
        <source>{server} did not answer as a Matrix server. Check the address or try again later.</source>
        <translation>{server} did not answer as a Matrix server. Check the address or try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="29" />
        <source>The server had a problem. Try again later.</source>
        <translation>The server had a problem. Try again later.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/accounts/register_texts.py" line="32" />
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="35" />
        <source>The server address is not valid.</source>
        <translation>The server address is not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="37" />
        <source>This server does not let you create an account. Ask your administrator.</source>
        <translation>This server does not let you create an account. Ask your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="40" />
        <source>This server cannot check an email address, so it cannot create an account or reset a password this way.</source>
        <translation>This server cannot check an email address, so it cannot create an account or reset a password this way.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="43" />
        <source>Addresses of this domain cannot create an account on this server. Use your professional address, or ask your administrator.</source>
        <translation>Addresses of this domain cannot create an account on this server. Use your professional address, or ask your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="47" />
        <source>An account already exists for this address. Sign in, or reset your password if you forgot it.</source>
        <translation>An account already exists for this address. Sign in, or reset your password if you forgot it.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="50" />
        <source>No account uses this address on this server. Check the address, or create an account.</source>
        <translation>No account uses this address on this server. Check the address, or create an account.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="53" />
        <source>This email address is not valid.</source>
        <translation>This email address is not valid.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="57" />
        <source>The server refused this password: {rule}</source>
        <translation>The server refused this password: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="60" />
        <source>The server refused this password: it is too easy to guess. Choose a longer one.</source>
        <translation>The server refused this password: it is too easy to guess. Choose a longer one.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="63" />
        <source>The link in the email has not been opened yet. Open it, then try again.</source>
        <translation>The link in the email has not been opened yet. Open it, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="66" />
        <source>Your current password is wrong.</source>
        <translation>Your current password is wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="68" />
        <source>This request has expired. Start again.</source>
        <translation>This request has expired. Start again.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="69" />
        <source>Something went wrong. Try again later.</source>
        <translation>Something went wrong. Try again later.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/accounts/register_texts.py" line="77" />
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="78" />
        <source>longer</source>
        <translation>longer</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="80" />
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="82" />
        <source>a symbol (such as ! or -)</source>
        <translation>a symbol (such as ! or -)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="84" />
        <source>a lowercase letter</source>
        <translation>a lowercase letter</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="85" />
        <source>an uppercase letter</source>
        <translation>an uppercase letter</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="91" />
        <source>Very weak</source>
        <translation>Very weak</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="92" />
        <source>Weak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="93" />
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="94" />
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="95" />
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="102" />
        <source>We sent an email to {email}. Open the link it contains: this window goes on by itself once you have.</source>
        <translation>We sent an email to {email}. Open the link it contains: this window goes on by itself once you have.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register_texts.py" line="108" />
        <source>We sent an email to {email}. Open the link it contains and confirm, then choose your new password here.</source>
        <translation>We sent an email to {email}. Open the link it contains and confirm, then choose your new password here.</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/accounts/register.py" line="76" />
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="79" />
        <source>first.last@ministry.gouv.fr</source>
        <translation>first.last@ministry.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="80" />
        <location filename="../../ui/accounts/register.py" line="95" />
        <source>Professional email address</source>
        <translation>Professional email address</translation>
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
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="84" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="86" />
        <location filename="../../ui/accounts/register.py" line="89" />
        <location filename="../../ui/accounts/register.py" line="179" />
        <source>Create the account</source>
        <translation>Create the account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="91" />
        <source>I already have an account</source>
        <translation>I already have an account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="92" />
        <source>Back to sign-in</source>
        <translation>Back to sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="112" />
        <location filename="../../ui/accounts/register.py" line="116" />
        <source>Check your mailbox</source>
        <translation>Check your mailbox</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="118" />
        <source>Waiting for the link to be opened</source>
        <translation>Waiting for the link to be opened</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="120" />
        <location filename="../../ui/accounts/register.py" line="121" />
        <source>Send the email again</source>
        <translation>Send the email again</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="122" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="123" />
        <source>Cancel the registration</source>
        <translation>Cancel the registration</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="179" />
        <source>Creating the account…</source>
        <translation>Creating the account…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="190" />
        <source>Enter your professional email address.</source>
        <translation>Enter your professional email address.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="214" />
        <source>Something went wrong. Try again later.</source>
        <translation>Something went wrong. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="247" />
        <source>Your address is confirmed. Signing in…</source>
        <translation>Your address is confirmed. Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="253" />
        <source>Your account is created, but signing in failed: {reason}</source>
        <translation>Your account is created, but signing in failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/register.py" line="277" />
        <source>The email was sent again.</source>
        <translation>The email was sent again.</translation>
    </message>
</context>
<context>
    <name>RelationTexts</name>
    <message>
        <location filename="../../ui/relation_texts.py" line="19" />
        <source>Message deleted by {name}. Reason: {reason}</source>
        <translation>Message deleted by {name}. Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="23" />
        <source>Message deleted by {name}</source>
        <translation>Message deleted by {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="25" />
        <source>Message deleted. Reason: {reason}</source>
        <translation>Message deleted. Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="26" />
        <location filename="../../ui/relation_texts.py" line="39" />
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="31" />
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="37" />
        <source>Original message not available</source>
        <translation>Original message not available</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="41" />
        <source>Encrypted message</source>
        <translation>Encrypted message</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="43" />
        <source>File: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="51" />
        <source>Loading the original message…</source>
        <translation>Loading the original message…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/relation_texts.py" line="59" />
        <source>{names} and %n more reacted with {key}</source>
        <translation>
            <numerusform>{names} and %n other reacted with {key}</numerusform>
            <numerusform>{names} and %n others reacted with {key}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="61" />
        <source>{names} reacted with {key}</source>
        <translation>{names} reacted with {key}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="66" />
        <source>Replying to {name}</source>
        <translation>Replying to {name}</translation>
    </message>
    <message>
        <location filename="../../ui/relation_texts.py" line="71" />
        <source>Editing your message</source>
        <translation>Editing your message</translation>
    </message>
</context>
<context>
    <name>ResetView</name>
    <message>
        <location filename="../../ui/accounts/reset.py" line="68" />
        <source>Forgot your password?</source>
        <translation>Forgot your password?</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="69" />
        <source>Enter the email address of your account: we will send you a link to choose a new password.</source>
        <translation>Enter the email address of your account: we will send you a link to choose a new password.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="74" />
        <source>first.last@ministry.gouv.fr</source>
        <translation>first.last@ministry.gouv.fr</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="75" />
        <source>Email address of your account</source>
        <translation>Email address of your account</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="77" />
        <location filename="../../ui/accounts/reset.py" line="80" />
        <source>Send the link</source>
        <translation>Send the link</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="82" />
        <location filename="../../ui/accounts/reset.py" line="83" />
        <location filename="../../ui/accounts/reset.py" line="115" />
        <location filename="../../ui/accounts/reset.py" line="116" />
        <source>Back to sign-in</source>
        <translation>Back to sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="87" />
        <source>Email address</source>
        <translation>Email address</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="99" />
        <source>Check your mailbox</source>
        <translation>Check your mailbox</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="103" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="104" />
        <location filename="../../ui/accounts/reset.py" line="106" />
        <source>Sign out of all my other sessions</source>
        <translation>Sign out of all my other sessions</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="108" />
        <location filename="../../ui/accounts/reset.py" line="111" />
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="113" />
        <location filename="../../ui/accounts/reset.py" line="114" />
        <source>Send the email again</source>
        <translation>Send the email again</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="161" />
        <source>Enter the email address of your account.</source>
        <translation>Enter the email address of your account.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/reset.py" line="228" />
        <source>The email was sent again.</source>
        <translation>The email was sent again.</translation>
    </message>
</context>
<context>
    <name>RoomDelegate</name>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="39" />
        <source>someone</source>
        <translation>someone</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="40" />
        <source>Invitation from {inviter}</source>
        <translation>Invitation from {inviter}</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="43" />
        <source>Encrypted message</source>
        <translation>Encrypted message</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_row.py" line="48" />
        <source>{sender}: {body}</source>
        <translation>{sender}: {body}</translation>
    </message>
</context>
<context>
    <name>RoomHeader</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="46" />
        <source>End-to-end encrypted</source>
        <translation>End-to-end encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="48" />
        <source>Messages in this conversation are end-to-end encrypted.</source>
        <translation>Messages in this conversation are end-to-end encrypted.</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="78" />
        <source>Direct conversation</source>
        <translation>Direct conversation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/room/room_pane.py" line="81" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Salon settings</source>
        <translation>Salon settings</translation>
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
        <translation>Favourites</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="60" />
        <source>Direct chats</source>
        <translation>Direct chats</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="61" />
        <source>Salons</source>
        <translation>Salons</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="62" />
        <source>Low priority</source>
        <translation>Low priority</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="80" />
        <source>{names} and %n other(s)</source>
        <translation>
            <numerusform>{names} and %n other</numerusform>
            <numerusform>{names} and %n others</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="85" />
        <source>{names} and {last}</source>
        <translation>{names} and {last}</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="97" />
        <source>Empty room (was {names})</source>
        <translation>Empty room (was {names})</translation>
    </message>
    <message>
        <location filename="../../ui/models/room_list.py" line="100" />
        <location filename="../../ui/models/room_list.py" line="105" />
        <source>Empty room</source>
        <translation>Empty room</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="352" />
        <source>{section}: %n conversation(s), folded</source>
        <translation>
            <numerusform>{section}: %n conversation, folded</numerusform>
            <numerusform>{section}: %n conversations, folded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/room_list.py" line="354" />
        <source>{section}: %n conversation(s), unfolded</source>
        <translation>
            <numerusform>{section}: %n conversation, unfolded</numerusform>
            <numerusform>{section}: %n conversations, unfolded</numerusform>
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
        <translation>Loading your conversations…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_list.py" line="73" />
        <source>No conversations yet. Start one with the + button.</source>
        <translation>No conversations yet. Start one with the + button.</translation>
    </message>
</context>
<context>
    <name>RoomMenu</name>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="46" />
        <source>Conversation actions</source>
        <translation>Conversation actions</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="57" />
        <source>Accept the invitation</source>
        <translation>Accept the invitation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="58" />
        <source>Decline the invitation</source>
        <translation>Decline the invitation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="61" />
        <source>Favourite</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="64" />
        <source>Low priority</source>
        <translation>Low priority</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="68" />
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="70" />
        <source>Mark as unread</source>
        <translation>Mark as unread</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/room_menu.py" line="72" />
        <source>Leave…</source>
        <translation>Leave…</translation>
    </message>
    <message>
        <source>Invite people…</source>
        <translation>Invite people…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
</context>
<context>
    <name>RoomPane</name>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="220" />
        <source>Select a conversation</source>
        <translation>Select a conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/room_pane.py" line="223" />
        <source>or start a new one with the + button.</source>
        <translation>or start a new one with the + button.</translation>
    </message>
</context>
<context>
    <name>RowParts</name>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="59" />
        <source>New messages</source>
        <translation>New messages</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="133" />
        <source>Read the whole message</source>
        <translation>Read the whole message</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="135" />
        <source>Show less</source>
        <translation>Show less</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/row_parts.py" line="136" />
        <source>Show more</source>
        <translation>Show more</translation>
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
        <translation>About Tchap</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="79" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="89" />
        <source>Search a conversation</source>
        <translation>Search a conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="92" />
        <source>Search a conversation (Ctrl+K)</source>
        <translation>Search a conversation (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="98" />
        <location filename="../../ui/views/main/sidebar.py" line="99" />
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="102" />
        <source>New direct chat…</source>
        <translation>New direct chat…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="111" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../ui/views/main/sidebar.py" line="118" />
        <source>No conversation matches your search.</source>
        <translation>No conversation matches your search.</translation>
    </message>
    <message>
        <source>New salon…</source>
        <translation>New salon…</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>Find a person…</translation>
    </message>
    <message>
        <source>Browse public salons…</source>
        <translation>Browse public salons…</translation>
    </message>
</context>
<context>
    <name>StartFailedView</name>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="20" />
        <source>Tchap cannot start</source>
        <translation>Tchap cannot start</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="26" />
        <source>Why Tchap cannot start</source>
        <translation>Why Tchap cannot start</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="27" />
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="29" />
        <source>Retry starting</source>
        <translation>Retry starting</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="30" />
        <source>&amp;Sign out and start again</source>
        <translation>&amp;Sign out and start again</translation>
    </message>
    <message>
        <location filename="../../ui/views/signin/start_failed.py" line="31" />
        <source>Sign out and start again</source>
        <translation>Sign out and start again</translation>
    </message>
</context>
<context>
    <name>StateTexts</name>
    <message>
        <location filename="../../ui/state_texts.py" line="40" />
        <source>{sender} changed the room settings</source>
        <translation>{sender} changed the room settings</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="43" />
        <source>{sentence} (reason: {reason})</source>
        <translation>{sentence} (reason: {reason})</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="52" />
        <source>{target} joined the room</source>
        <translation>{target} joined the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="54" />
        <source>{target} left the room</source>
        <translation>{target} left the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="56" />
        <source>{sender} invited {target}</source>
        <translation>{sender} invited {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="60" />
        <source>{sender} removed {target} from the room</source>
        <translation>{sender} removed {target} from the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="64" />
        <source>{sender} banned {target}</source>
        <translation>{sender} banned {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="68" />
        <source>{sender} lifted the ban on {target}</source>
        <translation>{sender} lifted the ban on {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="72" />
        <source>{target} declined the invitation</source>
        <translation>{target} declined the invitation</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="74" />
        <source>{sender} withdrew the invitation of {target}</source>
        <translation>{sender} withdrew the invitation of {target}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="78" />
        <source>{target} asked to join the room</source>
        <translation>{target} asked to join the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="80" />
        <source>{target} is now called {value}</source>
        <translation>{target} is now called {value}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="84" />
        <source>{target} chose the name {value}</source>
        <translation>{target} chose the name {value}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="88" />
        <source>{target} removed their name</source>
        <translation>{target} removed their name</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="90" />
        <source>{target} changed their picture</source>
        <translation>{target} changed their picture</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="98" />
        <source>{sender} created the room</source>
        <translation>{sender} created the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="101" />
        <source>{sender} removed the room name</source>
        <translation>{sender} removed the room name</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="104" />
        <source>{sender} renamed the room “{value}”</source>
        <translation>{sender} renamed the room “{value}”</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="109" />
        <source>{sender} removed the topic</source>
        <translation>{sender} removed the topic</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="110" />
        <source>{sender} changed the topic to “{value}”</source>
        <translation>{sender} changed the topic to “{value}”</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="115" />
        <source>{sender} removed the room picture</source>
        <translation>{sender} removed the room picture</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="118" />
        <source>{sender} changed the room picture</source>
        <translation>{sender} changed the room picture</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="122" />
        <source>{sender} turned on end-to-end encryption</source>
        <translation>{sender} turned on end-to-end encryption</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="134" />
        <source>{sender} replaced this room with a new one</source>
        <translation>{sender} replaced this room with a new one</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="146" />
        <source>{sender} allowed anyone to join the room</source>
        <translation>{sender} allowed anyone to join the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="147" />
        <source>{sender} made the room invitation-only</source>
        <translation>{sender} made the room invitation-only</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="148" />
        <source>{sender} allowed people to ask to join the room</source>
        <translation>{sender} allowed people to ask to join the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="149" />
        <source>{sender} allowed members of other rooms to join</source>
        <translation>{sender} allowed members of other rooms to join</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="150" />
        <source>{sender} changed who can join the room</source>
        <translation>{sender} changed who can join the room</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="156" />
        <source>{sender} opened the room to external users</source>
        <translation>{sender} opened the room to external users</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="157" />
        <source>{sender} reserved the room for state agents</source>
        <translation>{sender} reserved the room for state agents</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="158" />
        <source>{sender} set up the room as a direct chat</source>
        <translation>{sender} set up the room as a direct chat</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="159" />
        <source>{sender} changed the room's access rule</source>
        <translation>{sender} changed the room's access rule</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="165" />
        <source>{sender} made the history visible to all members</source>
        <translation>{sender} made the history visible to all members</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="166" />
        <source>{sender} made the history visible to members from their invitation</source>
        <translation>{sender} made the history visible to members from their invitation</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="169" />
        <source>{sender} made the history visible to members from their arrival</source>
        <translation>{sender} made the history visible to members from their arrival</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="172" />
        <source>{sender} made the history visible to anyone</source>
        <translation>{sender} made the history visible to anyone</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="173" />
        <source>{sender} changed who can read the history</source>
        <translation>{sender} changed who can read the history</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="179" />
        <location filename="../../ui/state_texts.py" line="202" />
        <source>{sender} changed the room's permissions</source>
        <translation>{sender} changed the room's permissions</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="191" />
        <source>{sender} made {target} an administrator</source>
        <translation>{sender} made {target} an administrator</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="193" />
        <source>{sender} made {target} a moderator</source>
        <translation>{sender} made {target} a moderator</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="195" />
        <source>{sender} removed {target}'s administrator rights</source>
        <translation>{sender} removed {target}'s administrator rights</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="197" />
        <source>{sender} removed {target}'s moderator rights</source>
        <translation>{sender} removed {target}'s moderator rights</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="199" />
        <source>{sender} set {target}'s power level to {level}</source>
        <translation>{sender} set {target}'s power level to {level}</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="211" />
        <source>Unsupported event ({type})</source>
        <translation>Unsupported event ({type})</translation>
    </message>
    <message>
        <location filename="../../ui/state_texts.py" line="214" />
        <source>Unsupported event</source>
        <translation>Unsupported event</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="244" />
        <source>%n person(s) joined</source>
        <translation>
            <numerusform>%n person joined</numerusform>
            <numerusform>%n people joined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="245" />
        <source>%n person(s) left</source>
        <translation>
            <numerusform>%n person left</numerusform>
            <numerusform>%n people left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="246" />
        <source>%n person(s) invited</source>
        <translation>
            <numerusform>%n person invited</numerusform>
            <numerusform>%n people invited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="247" />
        <source>%n person(s) removed</source>
        <translation>
            <numerusform>%n person removed</numerusform>
            <numerusform>%n people removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="248" />
        <source>%n person(s) changed their name or picture</source>
        <translation>
            <numerusform>%n person changed their name or picture</numerusform>
            <numerusform>%n people changed their name or picture</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/state_texts.py" line="251" />
        <source>%n other change(s)</source>
        <translation>
            <numerusform>%n other change</numerusform>
            <numerusform>%n other changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TchapDialog</name>
    <message>
        <location filename="../../ui/dialogs/base.py" line="52" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../ui/texts.py" line="24" />
        <source>Wrong identifier or password.</source>
        <translation>Wrong identifier or password.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="26" />
        <source>Cannot reach {server}. Check the address and your connection.</source>
        <translation>Cannot reach {server}. Check the address and your connection.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="30" />
        <source>{server} is not a Matrix server.</source>
        <translation>{server} is not a Matrix server.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="35" />
        <source>The server had a problem ({status}). Try again later.</source>
        <translation>The server had a problem ({status}). Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="39" />
        <source>This account has been deactivated.</source>
        <translation>This account has been deactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="41" />
        <source>This account has expired. Renew it with the link sent to your email address.</source>
        <translation>This account has expired. Renew it with the link sent to your email address.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="45" />
        <source>Enter a Matrix ID (@name:server) or a professional email address.</source>
        <translation>Enter a Matrix ID (@name:server) or a professional email address.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="49" />
        <source>The server address is not valid. It looks like https://matrix.example.fr</source>
        <translation>The server address is not valid. It looks like https://matrix.example.fr</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="53" />
        <source>No secure password store (keyring) is available on this system, so your session cannot be kept safely. Install or unlock one (GNOME Keyring, KWallet) and try again.</source>
        <translation>No secure password store (keyring) is available on this system, so your session cannot be kept safely. Install or unlock one (GNOME Keyring, KWallet) and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="58" />
        <source>Sign-in failed. Try again later.</source>
        <translation>Sign-in failed. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="63" />
        <source>Too many attempts. Try again in {seconds} s.</source>
        <translation>Too many attempts. Try again in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="71" />
        <source>The server refused the deletion. The message stays.</source>
        <translation>The server refused the deletion. The message stays.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="73" />
        <source>The server refused your reaction. It was removed.</source>
        <translation>The server refused your reaction. It was removed.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="75" />
        <source>The server refused your edit. The message keeps its text.</source>
        <translation>The server refused your edit. The message keeps its text.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="76" />
        <source>The server refused a change. It was undone.</source>
        <translation>The server refused a change. It was undone.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="82" />
        <source>The server cannot be reached. Check your connection.</source>
        <translation>The server cannot be reached. Check your connection.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="85" />
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="86" />
        <source>This user or room does not exist.</source>
        <translation>This user or room does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="87" />
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Too many requests. Wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="90" />
        <source>The server had a problem. Try again later.</source>
        <translation>The server had a problem. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="91" />
        <source>This Matrix ID does not exist or cannot be invited.</source>
        <translation>This Matrix ID does not exist or cannot be invited.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="94" />
        <source>Encryption is not ready yet. Wait a moment and try again.</source>
        <translation>Encryption is not ready yet. Wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="97" />
        <source>This key file cannot be read: check the file and its passphrase.</source>
        <translation>This key file cannot be read: check the file and its passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="100" />
        <source>This file cannot be read: check that it still exists and that you may open it.</source>
        <translation>This file cannot be read: check that it still exists and that you may open it.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="105" />
        <source>Something went wrong. Try again later.</source>
        <translation>Something went wrong. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="111" />
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="114" />
        <source>Connection lost. Retrying…</source>
        <translation>Connection lost. Retrying…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="115" />
        <source>Connection lost. Retrying in {n} s…</source>
        <translation>Connection lost. Retrying in {n} s…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="119" />
        <source>Your account has expired. Renew it with the link sent by email.</source>
        <translation>Your account has expired. Renew it with the link sent by email.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="121" />
        <source>Signing out…</source>
        <translation>Signing out…</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="128" />
        <source>Your messages stored on this computer cannot be read or written (the disk may be full, or the file damaged). Free some space and retry, or sign out to start again from the server.</source>
        <translation>Your messages stored on this computer cannot be read or written (the disk may be full, or the file damaged). Free some space and retry, or sign out to start again from the server.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="132" />
        <source>The system keyring, where Tchap keeps your session, did not answer. Unlock it and retry.</source>
        <translation>The system keyring, where Tchap keeps your session, did not answer. Unlock it and retry.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="135" />
        <source>The encryption keys stored on this computer cannot be opened. Retry, or sign out to start again (encrypted history may become unreadable).</source>
        <translation>The encryption keys stored on this computer cannot be opened. Retry, or sign out to start again (encrypted history may become unreadable).</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="138" />
        <source>Tchap's installation seems damaged. Retry, or reinstall it.</source>
        <translation>Tchap's installation seems damaged. Retry, or reinstall it.</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="144" />
        <source>Waiting for the key to decrypt this message</source>
        <translation>Waiting for the key to decrypt this message</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="150" />
        <source>File: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="152" />
        <source>Unsupported message</source>
        <translation>Unsupported message</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/texts.py" line="162" />
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="164" />
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="165" />
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="166" />
        <source>{n} GB</source>
        <translation>{n} GB</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="179" />
        <source>Not sent: the file is larger than the server accepts</source>
        <translation>Not sent: the file is larger than the server accepts</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="181" />
        <source>Not sent: the file no longer exists</source>
        <translation>Not sent: the file no longer exists</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="183" />
        <source>Not sent: the file cannot be read</source>
        <translation>Not sent: the file cannot be read</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="218" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/texts.py" line="220" />
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/texts.py" line="235" />
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/views/room/timeline.py" line="61" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>TypingLine</name>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="19" />
        <source>{name} is typing…</source>
        <translation>{name} is typing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="21" />
        <source>{first} and {second} are typing…</source>
        <translation>{first} and {second} are typing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="24" />
        <source>Several people are typing…</source>
        <translation>Several people are typing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/room/typing_line.py" line="38" />
        <source>Who is typing</source>
        <translation>Who is typing</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="55" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="56" />
        <source>Stop looking for the server</source>
        <translation>Stop looking for the server</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="60" />
        <source>Other server…</source>
        <translation>Other server…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="64" />
        <source>Sign in to another server</source>
        <translation>Sign in to another server</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="68" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="88" />
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/server_panel.py" line="188" />
        <source>Find my server from my address</source>
        <translation>Find my server from my address</translation>
    </message>
</context>
<context>
    <name>SignInTexts</name>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="16" />
        <source>Looking for your server…</source>
        <translation>Looking for your server…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="22" />
        <source>Your account moved to {server}</source>
        <translation>Your account moved to {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="24" />
        <source>Your organisation's server: {server}</source>
        <translation>Your organisation's server: {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="27" />
        <source>Your server: {server}</source>
        <translation>Your server: {server}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="32" />
        <source>Server: {server} (set by your administrator)</source>
        <translation>Server: {server} (set by your administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="39" />
        <source>Search stopped. Sign in to try again.</source>
        <translation>Search stopped. Sign in to try again.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="44" />
        <source>Enter your professional email address, or your Matrix ID with Other server… opened.</source>
        <translation>Enter your professional email address, or your Matrix ID with Other server… opened.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="54" />
        <source>No Tchap server knows the address {address}. Check it, or choose Other server… if your organisation has its own server.</source>
        <translation>No Tchap server knows the address {address}. Check it, or choose Other server… if your organisation has its own server.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="60" />
        <source>The connection to the Tchap servers is not secure (invalid certificate). If this persists, contact your IT support.</source>
        <translation>The connection to the Tchap servers is not secure (invalid certificate). If this persists, contact your IT support.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="66" />
        <source>The Tchap servers are not answering right now. Try again in a few minutes.</source>
        <translation>The Tchap servers are not answering right now. Try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="71" />
        <source>Cannot reach the Tchap servers to find yours. Check your connection.</source>
        <translation>Cannot reach the Tchap servers to find yours. Check your connection.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="81" />
        <source>The connection to {server} is not secure: its certificate is not valid. If this persists, contact your IT support.</source>
        <translation>The connection to {server} is not secure: its certificate is not valid. If this persists, contact your IT support.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="87" />
        <source>{server} is not answering right now. It may be down or under maintenance: try again in a few minutes.</source>
        <translation>{server} is not answering right now. It may be down or under maintenance: try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="93" />
        <source>No server was found for this address.</source>
        <translation>No server was found for this address.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/signin_texts.py" line="99" />
        <source>The server ended your session. Enter your password again: your messages and encryption keys on this computer are kept.</source>
        <translation>The server ended your session. Enter your password again: your messages and encryption keys on this computer are kept.</translation>
    </message>
</context>
<context>
    <name>AccountTexts</name>
    <message>
        <source>Your account has expired</source>
        <translation>Your account has expired</translation>
    </message>
    <message>
        <source>To keep using Tchap, renew your account with the link we send to your professional email address. Open the link, then come back here: your conversations are kept.</source>
        <translation>To keep using Tchap, renew your account with the link we send to your professional email address. Open the link, then come back here: your conversations are kept.</translation>
    </message>
    <message>
        <source>The renewal email is on its way. Open the link it contains, then choose “I have renewed my account”.</source>
        <translation>The renewal email is on its way. Open the link it contains, then choose “I have renewed my account”.</translation>
    </message>
    <message>
        <source>This server cannot send renewal emails. Contact your administrator or support.</source>
        <translation>This server cannot send renewal emails. Contact your administrator or support.</translation>
    </message>
    <message>
        <source>Your account is still expired. Open the link in the renewal email, then try again.</source>
        <translation>Your account is still expired. Open the link in the renewal email, then try again.</translation>
    </message>
    <message>
        <source>External</source>
        <translation>External</translation>
    </message>
    <message>
        <source>External users cannot create salons.</source>
        <translation>External users cannot create salons.</translation>
    </message>
    <message>
        <source>External users cannot start a direct chat with another external user.</source>
        <translation>External users cannot start a direct chat with another external user.</translation>
    </message>
</context>
<context>
    <name>ExpiredView</name>
    <message>
        <source>Renewal status</source>
        <translation>Renewal status</translation>
    </message>
    <message>
        <source>&amp;Send me the renewal email</source>
        <translation>&amp;Send me the renewal email</translation>
    </message>
    <message>
        <source>Send me the renewal email</source>
        <translation>Send me the renewal email</translation>
    </message>
    <message>
        <source>&amp;I have renewed my account</source>
        <translation>&amp;I have renewed my account</translation>
    </message>
    <message>
        <source>I have renewed my account</source>
        <translation>I have renewed my account</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../ui/settings/account.py" line="40" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="49" />
        <source>Matrix ID</source>
        <translation>Matrix ID</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="52" />
        <location filename="../../ui/settings/account.py" line="60" />
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="54" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="55" />
        <source>Save the display name</source>
        <translation>Save the display name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="71" />
        <source>Change photo…</source>
        <translation>Change photo…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="72" />
        <source>Change your photo</source>
        <translation>Change your photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="73" />
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="74" />
        <source>Remove your photo</source>
        <translation>Remove your photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="79" />
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="86" />
        <source>Email addresses</source>
        <translation>Email addresses</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="92" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="93" />
        <source>Change password…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="94" />
        <source>Change your password</source>
        <translation>Change your password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="98" />
        <source>Deactivate the account</source>
        <translation>Deactivate the account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="99" />
        <source>Close your account for good, for instance when you leave the administration. This cannot be undone.</source>
        <translation>Close your account for good, for instance when you leave the administration. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="101" />
        <source>Deactivate the account…</source>
        <translation>Deactivate the account…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="103" />
        <source>Deactivate your account</source>
        <translation>Deactivate your account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="119" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="130" />
        <source>On Tchap your name comes from your administration's directory: it cannot be changed here.</source>
        <translation>On Tchap your name comes from your administration's directory: it cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="133" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="147" />
        <source>Your name was changed.</source>
        <translation>Your name was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="151" />
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="151" />
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="160" />
        <source>Sending the photo…</source>
        <translation>Sending the photo…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="167" />
        <source>Your photo was changed.</source>
        <translation>Your photo was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="168" />
        <source>Your photo was removed.</source>
        <translation>Your photo was removed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account.py" line="177" />
        <source>Your password was changed.</source>
        <translation>Your password was changed.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="132" />
        <source>Change your password</source>
        <translation>Change your password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="132" />
        <source>Change the password</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="135" />
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="137" />
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="138" />
        <source>Sign out my other sessions</source>
        <translation>Sign out my other sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="144" />
        <source>This session stays signed in.</source>
        <translation>This session stays signed in.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="150" />
        <source>Type your current password.</source>
        <translation>Type your current password.</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="107" />
        <source>Deactivate your account</source>
        <translation>Deactivate your account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="108" />
        <source>Your account will be closed for good. You will no longer be able to sign in, nobody will be able to write to you, and this cannot be undone. Your messages stay visible to the people you sent them to.</source>
        <translation>Your account will be closed for good. You will no longer be able to sign in, nobody will be able to write to you, and this cannot be undone. Your messages stay visible to the people you sent them to.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="111" />
        <source>Deactivate the account</source>
        <translation>Deactivate the account</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="114" />
        <source>I understand that this cannot be undone</source>
        <translation>I understand that this cannot be undone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="121" />
        <source>Tick the box to confirm that you understand.</source>
        <translation>Tick the box to confirm that you understand.</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Session ID</source>
        <translation>Session ID</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices_model.py" line="43" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../ui/settings/general.py" line="30" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="38" />
        <location filename="../../ui/settings/general.py" line="43" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="39" />
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="44" />
        <source>The new language applies the next time Tchap starts.</source>
        <translation>The new language applies the next time Tchap starts.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="52" />
        <source>Read receipts</source>
        <translation>Read receipts</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="54" />
        <source>Let others know when I have read their messages</source>
        <translation>Let others know when I have read their messages</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="57" />
        <source>Keep my read receipts private</source>
        <translation>Keep my read receipts private</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="59" />
        <source>With private receipts, your other devices still know what you have read, but other members do not.</source>
        <translation>With private receipts, your other devices still know what you have read, but other members do not.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="62" />
        <source>Troubleshooting</source>
        <translation>Troubleshooting</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="66" />
        <location filename="../../ui/settings/general.py" line="76" />
        <source>Detail of the log file</source>
        <translation>Detail of the log file</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="67" />
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="67" />
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="68" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/settings/general.py" line="68" />
        <source>Everything (to help support)</source>
        <translation>Everything (to help support)</translation>
    </message>
    <message>
        <source>Salon name</source>
        <translation>Salon name</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Save the name and topic</source>
        <translation>Save the name and topic</translation>
    </message>
    <message>
        <source>Open to externals…</source>
        <translation>Open to externals…</translation>
    </message>
    <message>
        <source>Open the salon to externals</source>
        <translation>Open the salon to externals</translation>
    </message>
    <message>
        <source>Who can read the history</source>
        <translation>Who can read the history</translation>
    </message>
    <message>
        <source>Turn on encryption…</source>
        <translation>Turn on encryption…</translation>
    </message>
    <message>
        <source>Turn on end-to-end encryption</source>
        <translation>Turn on end-to-end encryption</translation>
    </message>
    <message>
        <source>List this forum in the directory of public salons</source>
        <translation>List this forum in the directory of public salons</translation>
    </message>
    <message>
        <source>Leave the salon…</source>
        <translation>Leave the salon…</translation>
    </message>
    <message>
        <source>Leave the salon</source>
        <translation>Leave the salon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Give the salon a name.</source>
        <translation>Give the salon a name.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Open to externals</source>
        <translation>Open to externals</translation>
    </message>
    <message>
        <source>Turn on encryption</source>
        <translation>Turn on encryption</translation>
    </message>
<message>
        <source>Make private…</source>
        <translation>Make private…</translation>
    </message>
    <message>
        <source>Make this forum a private salon</source>
        <translation>Make this forum a private salon</translation>
    </message>
    <message>
        <source>Make private</source>
        <translation>Make private</translation>
    </message>
    </context>
<context>
    <name>PasswordPromptDialog</name>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="90" />
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/account_dialogs.py" line="97" />
        <source>Type your password to confirm.</source>
        <translation>Type your password to confirm.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../ui/settings/privacy.py" line="31" />
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="35" />
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="36" />
        <source>Hide my profile from the directory (liste rouge)</source>
        <translation>Hide my profile from the directory (liste rouge)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="41" />
        <source>Other agents will no longer find you by searching your name or address. Those who already talk with you still see you, and anyone can still write to you if they know your address.</source>
        <translation>Other agents will no longer find you by searching your name or address. Those who already talk with you still see you, and anyone can still write to you if they know your address.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="55" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="85" />
        <source>Your profile is hidden from the directory.</source>
        <translation>Your profile is hidden from the directory.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/privacy.py" line="86" />
        <source>Your profile shows in the directory again.</source>
        <translation>Your profile shows in the directory again.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <location filename="../../ui/settings/sessions.py" line="45" />
        <source>Rename the session</source>
        <translation>Rename the session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="45" />
        <source>Only you see the names of your sessions.</source>
        <translation>Only you see the names of your sessions.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="46" />
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="48" />
        <source>Session name</source>
        <translation>Session name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="57" />
        <source>Type a name.</source>
        <translation>Type a name.</translation>
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
        <translation>Every device where your account is signed in. Sign out the ones you do not recognise or no longer use.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="77" />
        <source>Your sessions</source>
        <translation>Your sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="90" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="91" />
        <source>Rename the selected session</source>
        <translation>Rename the selected session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="92" />
        <source>Sign out…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="94" />
        <source>Sign out the selected sessions</source>
        <translation>Sign out the selected sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="95" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="96" />
        <source>Refresh the list of sessions</source>
        <translation>Refresh the list of sessions</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="129" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="166" />
        <source>These sessions will be signed out and will have to sign in again:
{names}</source>
        <translation>These sessions will be signed out and will have to sign in again:
{names}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/sessions.py" line="168" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="39" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="45" />
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="59" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsOpener</name>
    <message>
        <location filename="../../ui/settings/opener.py" line="44" />
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/opener.py" line="58" />
        <source>Settings (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/opener.py" line="59" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SettingsTexts</name>
    <message>
        <location filename="../../ui/settings/texts.py" line="23" />
        <source>The password is not correct.</source>
        <translation>The password is not correct.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="25" />
        <source>Your server does not accept a password to confirm this. Use another Tchap application to do it.</source>
        <translation>Your server does not accept a password to confirm this. Use another Tchap application to do it.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="28" />
        <source>The server cannot be reached. Check your connection and try again.</source>
        <translation>The server cannot be reached. Check your connection and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="31" />
        <source>The server gave an answer that cannot be read. Try again later.</source>
        <translation>The server gave an answer that cannot be read. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="34" />
        <source>The server had a problem. Try again later.</source>
        <translation>The server had a problem. Try again later.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="37" />
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Try again in %n second.</numerusform>
            <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="40" />
        <source>Your server does not allow this change.</source>
        <translation>Your server does not allow this change.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="42" />
        <source>This session no longer exists. The list was refreshed.</source>
        <translation>This session no longer exists. The list was refreshed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="44" />
        <source>This value cannot be used.</source>
        <translation>This value cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="45" />
        <source>This could not be done. Try again later.</source>
        <translation>This could not be done. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="50" />
        <source>Set by your IT department for this computer: it cannot be changed here.</source>
        <translation>Set by your IT department for this computer: it cannot be changed here.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="57" />
        <source>This session</source>
        <translation>This session</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="59" />
        <source>Never seen</source>
        <translation>Never seen</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="63" />
        <source>{date} from {ip}</source>
        <translation>{date} from {ip}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/texts.py" line="70" />
        <source>Unnamed session</source>
        <translation>Unnamed session</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="75" />
        <source>Sign out %n session(s)?</source>
        <translation>
            <numerusform>Sign out %n session?</numerusform>
            <numerusform>Sign out %n sessions?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings/texts.py" line="80" />
        <source>%n session(s) signed out.</source>
        <translation>
            <numerusform>%n session signed out.</numerusform>
            <numerusform>%n sessions signed out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleTexts</name>
    <message>
        <source>A private salon cannot become a public forum.</source>
        <translation>A private salon cannot become a public forum.</translation>
    </message>
    <message>
        <source>A salon open to externals cannot be closed to them again.</source>
        <translation>A salon open to externals cannot be closed to them again.</translation>
    </message>
    <message>
        <source>The kind of this salon cannot be changed.</source>
        <translation>The kind of this salon cannot be changed.</translation>
    </message>
    <message>
        <source>A direct chat is between two people: create a salon to talk with more.</source>
        <translation>A direct chat is between two people: create a salon to talk with more.</translation>
    </message>
    <message>
        <source>A direct chat has no name, topic or picture of its own.</source>
        <translation>A direct chat has no name, topic or picture of its own.</translation>
    </message>
    <message>
        <source>External users can only be invited into a salon open to externals.</source>
        <translation>External users can only be invited into a salon open to externals.</translation>
    </message>
    <message>
        <source>An external user cannot be given more rights than a member.</source>
        <translation>An external user cannot be given more rights than a member.</translation>
    </message>
    <message>
        <source>Only a forum can be listed in the directory of public salons.</source>
        <translation>Only a forum can be listed in the directory of public salons.</translation>
    </message>
    <message>
        <source>Once turned on, encryption cannot be turned off.</source>
        <translation>Once turned on, encryption cannot be turned off.</translation>
    </message>
    <message>
        <source>A forum is not encrypted: every public servant can read it.</source>
        <translation>A forum is not encrypted: every public servant can read it.</translation>
    </message>
    <message>
        <source>External users cannot create salons.</source>
        <translation>External users cannot create salons.</translation>
    </message>
    <message>
        <source>Two external users cannot start a direct chat.</source>
        <translation>Two external users cannot start a direct chat.</translation>
    </message>
    <message>
        <source>Private salon</source>
        <translation>Private salon</translation>
    </message>
    <message>
        <source>Private salon open to externals</source>
        <translation>Private salon open to externals</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Direct chat</source>
        <translation>Direct chat</translation>
    </message>
    <message>
        <source>Unencrypted salon</source>
        <translation>Unencrypted salon</translation>
    </message>
    <message>
        <source>Encrypted. Only the public servants you invite can join.</source>
        <translation>Encrypted. Only the public servants you invite can join.</translation>
    </message>
    <message>
        <source>Encrypted. You can also invite external partners.</source>
        <translation>Encrypted. You can also invite external partners.</translation>
    </message>
    <message>
        <source>Not encrypted. Every public servant in France can find it, join it and read it.</source>
        <translation>Not encrypted. Every public servant in France can find it, join it and read it.</translation>
    </message>
    <message>
        <source>Encrypted. Between two people.</source>
        <translation>Encrypted. Between two people.</translation>
    </message>
    <message>
        <source>Not encrypted. Only invited people can join.</source>
        <translation>Not encrypted. Only invited people can join.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite people</source>
        <translation>Invite people</translation>
    </message>
    <message>
        <source>Type Matrix IDs or email addresses, separated by commas, semicolons or new lines, or load a list.</source>
        <translation>Type Matrix IDs or email addresses, separated by commas, semicolons or new lines, or load a list.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>jean.dupont@interieur.gouv.fr, @marie:…</source>
        <translation>jean.dupont@interieur.gouv.fr, @marie:…</translation>
    </message>
    <message>
        <source>People to invite</source>
        <translation>People to invite</translation>
    </message>
    <message>
        <source>Load a list (.txt, .csv)…</source>
        <translation>Load a list (.txt, .csv)…</translation>
    </message>
    <message>
        <source>Load a list of addresses from a file</source>
        <translation>Load a list of addresses from a file</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Invitations sent so far</source>
        <translation>Invitations sent so far</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop sending invitations</source>
        <translation>Stop sending invitations</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Load a list of addresses</source>
        <translation>Load a list of addresses</translation>
    </message>
    <message>
        <source>Lists of addresses (*.txt *.csv);;All files (*)</source>
        <translation>Lists of addresses (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>This file cannot be read as a list of addresses: choose a .txt or .csv file under 2 MB.</source>
        <translation>This file cannot be read as a list of addresses: choose a .txt or .csv file under 2 MB.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>InviteReportModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>InviteTexts</name>
    <message>
        <source>To invite (email address)</source>
        <translation>To invite (email address)</translation>
    </message>
    <message>
        <source>To invite (Matrix ID)</source>
        <translation>To invite (Matrix ID)</translation>
    </message>
    <message>
        <source>Neither an email address nor a Matrix ID</source>
        <translation>Neither an email address nor a Matrix ID</translation>
    </message>
    <message>
        <source>Not sent: stopped</source>
        <translation>Not sent: stopped</translation>
    </message>
    <message>
        <source>Invitation sent</source>
        <translation>Invitation sent</translation>
    </message>
    <message>
        <source>Invitation sent by email (no account yet)</source>
        <translation>Invitation sent by email (no account yet)</translation>
    </message>
    <message>
        <source>Already a member of the salon</source>
        <translation>Already a member of the salon</translation>
    </message>
    <message>
        <source>Already invited</source>
        <translation>Already invited</translation>
    </message>
    <message>
        <source>This address belongs to no Tchap server.</source>
        <translation>This address belongs to no Tchap server.</translation>
    </message>
    <message>
        <source>No account has this Matrix ID.</source>
        <translation>No account has this Matrix ID.</translation>
    </message>
    <message>
        <source>You are not allowed to invite people into this salon.</source>
        <translation>You are not allowed to invite people into this salon.</translation>
    </message>
    <message>
        <source>The address directory cannot be reached. Try again later.</source>
        <translation>The address directory cannot be reached. Try again later.</translation>
    </message>
    <message>
        <source>The server could not send this invitation. Try again later.</source>
        <translation>The server could not send this invitation. Try again later.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check your connection.</source>
        <translation>The server cannot be reached. Check your connection.</translation>
    </message>
    <message>
        <source>Type or paste addresses, or load a list.</source>
        <translation>Type or paste addresses, or load a list.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) to invite.</source>
        <translation>
            <numerusform>%n person(s) to invite.</numerusform>
            <numerusform>%n person(s) to invite.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) will be left out: neither an address nor a Matrix ID.</source>
        <translation>
            <numerusform>%n entry(ies) will be left out: neither an address nor a Matrix ID.</numerusform>
            <numerusform>%n entry(ies) will be left out: neither an address nor a Matrix ID.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) sent.</source>
        <translation>
            <numerusform>%n invitation(s) sent.</numerusform>
            <numerusform>%n invitation(s) sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) already in the salon.</source>
        <translation>
            <numerusform>%n person(s) already in the salon.</numerusform>
            <numerusform>%n person(s) already in the salon.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) refused.</source>
        <translation>
            <numerusform>%n invitation(s) refused.</numerusform>
            <numerusform>%n invitation(s) refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) not an address.</source>
        <translation>
            <numerusform>%n entry(ies) not an address.</numerusform>
            <numerusform>%n entry(ies) not an address.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) not sent: stopped.</source>
        <translation>
            <numerusform>%n invitation(s) not sent: stopped.</numerusform>
            <numerusform>%n invitation(s) not sent: stopped.</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} of {total}</translation>
    </message>
</context>
<context>
    <name>NewSalonDialog</name>
    <message>
        <source>New salon</source>
        <translation>New salon</translation>
    </message>
    <message>
        <source>Create the salon</source>
        <translation>Create the salon</translation>
    </message>
    <message>
        <source>Salon name</source>
        <translation>Salon name</translation>
    </message>
    <message>
        <source>Topic (optional)</source>
        <translation>Topic (optional)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Kind of salon</source>
        <translation>Kind of salon</translation>
    </message>
    <message>
        <source>Give the salon a name.</source>
        <translation>Give the salon a name.</translation>
    </message>
</context>
<context>
    <name>PicturePicker</name>
    <message>
        <source>Choose a picture…</source>
        <translation>Choose a picture…</translation>
    </message>
    <message>
        <source>Choose the salon's picture</source>
        <translation>Choose the salon's picture</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the salon's picture</source>
        <translation>Remove the salon's picture</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Choose a picture</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>This file is not a picture.</source>
        <translation>This file is not a picture.</translation>
    </message>
</context>
<context>
    <name>RoomSettingsDialog</name>
    <message>
        <source>Settings of {name}</source>
        <translation>Settings of {name}</translation>
    </message>
    <message>
        <source>Salon settings pages</source>
        <translation>Salon settings pages</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Rights</translation>
    </message>
</context>
<context>
    <name>SalonTexts</name>
    <message>
        <source>Every public servant in France will be able to find this forum, join it and read all its messages. Share nothing confidential in it.</source>
        <translation>Every public servant in France will be able to find this forum, join it and read all its messages. Share nothing confidential in it.</translation>
    </message>
    <message>
        <source>External partners can be invited. This choice cannot be undone: the salon will stay open to externals.</source>
        <translation>External partners can be invited. This choice cannot be undone: the salon will stay open to externals.</translation>
    </message>
    <message>
        <source>Members, all of the history</source>
        <translation>Members, all of the history</translation>
    </message>
    <message>
        <source>Members, since they were invited</source>
        <translation>Members, since they were invited</translation>
    </message>
    <message>
        <source>Members, since they joined</source>
        <translation>Members, since they joined</translation>
    </message>
    <message>
        <source>The server has not answered yet: the change will be sent as soon as it can be.</source>
        <translation>The server has not answered yet: the change will be sent as soon as it can be.</translation>
    </message>
    <message>
        <source>The change was saved.</source>
        <translation>The change was saved.</translation>
    </message>
    <message>
        <source>Your role in this salon does not allow this change.</source>
        <translation>Your role in this salon does not allow this change.</translation>
    </message>
    <message>
        <source>Open this salon to externals? You will be able to invite partners from outside the administration. This cannot be undone.</source>
        <translation>Open this salon to externals? You will be able to invite partners from outside the administration. This cannot be undone.</translation>
    </message>
    <message>
        <source>Turn on end-to-end encryption? Once on, it can never be turned off, and new members will not read the messages sent before they joined.</source>
        <translation>Turn on end-to-end encryption? Once on, it can never be turned off, and new members will not read the messages sent before they joined.</translation>
    </message>
    <message>
        <source>Messages are end-to-end encrypted. Encryption cannot be turned off.</source>
        <translation>Messages are end-to-end encrypted. Encryption cannot be turned off.</translation>
    </message>
    <message>
        <source>A forum is never encrypted: every public servant can read it.</source>
        <translation>A forum is never encrypted: every public servant can read it.</translation>
    </message>
    <message>
        <source>Messages are not encrypted.</source>
        <translation>Messages are not encrypted.</translation>
    </message>
<message>
        <source>Make this forum a private salon? It leaves the directory of public salons, only invited people can join it, and its new messages are encrypted. This cannot be undone.</source>
        <translation>Make this forum a private salon? It leaves the directory of public salons, only invited people can join it, and its new messages are encrypted. This cannot be undone.</translation>
    </message>
    </context>
<context>
    <name>MemberTexts</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>Level {level}</translation>
    </message>
    <message>
        <source>Administrators</source>
        <translation>Administrators</translation>
    </message>
    <message>
        <source>Moderators and above</source>
        <translation>Moderators and above</translation>
    </message>
    <message>
        <source>Every member</source>
        <translation>Every member</translation>
    </message>
    <message>
        <source>Custom (level {level})</source>
        <translation>Custom (level {level})</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Invited by email</source>
        <translation>Invited by email</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>Banned</translation>
    </message>
    <message>
        <source>Send messages</source>
        <translation>Send messages</translation>
    </message>
    <message>
        <source>Invite people</source>
        <translation>Invite people</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Remove members</translation>
    </message>
    <message>
        <source>Ban members</source>
        <translation>Ban members</translation>
    </message>
    <message>
        <source>Delete other people's messages</source>
        <translation>Delete other people's messages</translation>
    </message>
    <message>
        <source>Change the salon's name</source>
        <translation>Change the salon's name</translation>
    </message>
    <message>
        <source>Change the topic</source>
        <translation>Change the topic</translation>
    </message>
    <message>
        <source>Change the salon's picture</source>
        <translation>Change the salon's picture</translation>
    </message>
    <message>
        <source>Change who can read the history</source>
        <translation>Change who can read the history</translation>
    </message>
    <message>
        <source>Turn on encryption</source>
        <translation>Turn on encryption</translation>
    </message>
    <message>
        <source>Open the salon to externals</source>
        <translation>Open the salon to externals</translation>
    </message>
    <message>
        <source>Change the rights</source>
        <translation>Change the rights</translation>
    </message>
    <message>
        <source>Change the other settings</source>
        <translation>Change the other settings</translation>
    </message>
    <message>
        <source>Notify the whole salon (@room)</source>
        <translation>Notify the whole salon (@room)</translation>
    </message>
    <message>
        <source>Your role in this salon does not let you change this.</source>
        <translation>Your role in this salon does not let you change this.</translation>
    </message>
    <message>
        <source>You cannot give more rights than your own.</source>
        <translation>You cannot give more rights than your own.</translation>
    </message>
    <message>
        <source>You cannot change the rights of a member whose role is equal to or above yours.</source>
        <translation>You cannot change the rights of a member whose role is equal to or above yours.</translation>
    </message>
    <message>
        <source>Only a member with a higher role can change this.</source>
        <translation>Only a member with a higher role can change this.</translation>
    </message>
    <message>
        <source>This level is not valid.</source>
        <translation>This level is not valid.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invited</source>
        <translation>
            <numerusform>%n invited</numerusform>
            <numerusform>%n invited</numerusform>
        </translation>
    </message>
    <message>
        <source>{members} · {invited}</source>
        <translation>{members} · {invited}</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) exported.</source>
        <translation>
            <numerusform>%n member exported.</numerusform>
            <numerusform>%n members exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has not answered yet: this will be done as soon as it does.</source>
        <translation>The server has not answered yet: this will be done as soon as it does.</translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>MembersOpener</name>
    <message>
        <source>Members (Ctrl+Shift+M)</source>
        <translation>Members (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Close the members panel</source>
        <translation>Close the members panel</translation>
    </message>
    <message>
        <source>Close (Ctrl+Shift+M)</source>
        <translation>Close (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Filter members</source>
        <translation>Filter members</translation>
    </message>
    <message>
        <source>Members of the salon</source>
        <translation>Members of the salon</translation>
    </message>
    <message>
        <source>Actions on the selected member</source>
        <translation>Actions on the selected member</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <source>Export the list of members to a file</source>
        <translation>Export the list of members to a file</translation>
    </message>
    <message>
        <source>Rights…</source>
        <translation>Rights…</translation>
    </message>
    <message>
        <source>Who can do what in this salon</source>
        <translation>Who can do what in this salon</translation>
    </message>
    <message>
        <source>Actions on {name}</source>
        <translation>Actions on {name}</translation>
    </message>
    <message>
        <source>Promote to moderator</source>
        <translation>Promote to moderator</translation>
    </message>
    <message>
        <source>Make administrator</source>
        <translation>Make administrator</translation>
    </message>
    <message>
        <source>Demote to member</source>
        <translation>Demote to member</translation>
    </message>
    <message>
        <source>Remove from the salon…</source>
        <translation>Remove from the salon…</translation>
    </message>
    <message>
        <source>Lift the ban</source>
        <translation>Lift the ban</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>Ban…</translation>
    </message>
    <message>
        <source>You cannot change anything for this member.</source>
        <translation>You cannot change anything for this member.</translation>
    </message>
    <message>
        <source>Ban {name}</source>
        <translation>Ban {name}</translation>
    </message>
    <message>
        <source>{name} will be removed and cannot come back until the ban is lifted.</source>
        <translation>{name} will be removed and cannot come back until the ban is lifted.</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Ban</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Remove {name}</translation>
    </message>
    <message>
        <source>{name} will leave the salon and can be invited again.</source>
        <translation>{name} will leave the salon and can be invited again.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>Export the list of members</source>
        <translation>Export the list of members</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Invite…</translation>
    </message>
    <message>
        <source>Invite people to this salon</source>
        <translation>Invite people to this salon</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RightsPage</name>
    <message>
        <source>Rights</source>
        <translation>Rights</translation>
    </message>
    <message>
        <source>Choose who can do each of these actions in the salon.</source>
        <translation>Choose who can do each of these actions in the salon.</translation>
    </message>
</context>
<context>
    <name>DirectoryTexts</name>
    <message>
        <source>Type a name or a professional email address.</source>
        <translation>Type a name or a professional email address.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No one found for “{term}”.</source>
        <translation>No one found for “{term}”.</translation>
    </message>
    <message>
        <source>Only the first results are shown: type more to narrow them.</source>
        <translation>Only the first results are shown: type more to narrow them.</translation>
    </message>
    <message>
        <source>Your account may not search the directory.</source>
        <translation>Your account may not search the directory.</translation>
    </message>
    <message>
        <source>Too many searches at once: wait a moment, then type again.</source>
        <translation>Too many searches at once: wait a moment, then type again.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the search will resume once it can.</source>
        <translation>The server cannot be reached: the search will resume once it can.</translation>
    </message>
    <message>
        <source>The directory could not be searched. Try again later.</source>
        <translation>The directory could not be searched. Try again later.</translation>
    </message>
    <message>
        <source>Invite into “{room}”</source>
        <translation>Invite into “{room}”</translation>
    </message>
    <message>
        <source>{name} was invited into “{room}”.</source>
        <translation>{name} was invited into “{room}”.</translation>
    </message>
    <message>
        <source>This person cannot be invited into this salon (your rights, or the salon's rules).</source>
        <translation>This person cannot be invited into this salon (your rights, or the salon's rules).</translation>
    </message>
    <message>
        <source>Loading the public salons…</source>
        <translation>Loading the public salons…</translation>
    </message>
    <message>
        <source>No public salon matches “{term}”.</source>
        <translation>No public salon matches “{term}”.</translation>
    </message>
    <message>
        <source>There is no public salon on this server yet.</source>
        <translation>There is no public salon on this server yet.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the public salons cannot be listed.</source>
        <translation>The server cannot be reached: the public salons cannot be listed.</translation>
    </message>
    <message>
        <source>The public salons could not be listed. Try again later.</source>
        <translation>The public salons could not be listed. Try again later.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Joining…</translation>
    </message>
    <message>
        <source>You may not join this salon.</source>
        <translation>You may not join this salon.</translation>
    </message>
    <message>
        <source>This salon no longer exists.</source>
        <translation>This salon no longer exists.</translation>
    </message>
    <message>
        <source>Salon without a name</source>
        <translation>Salon without a name</translation>
    </message>
</context>
<context>
    <name>PeopleSearchDialog</name>
    <message>
        <source>Find a person</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <source>Name or professional email address</source>
        <translation>Name or professional email address</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>Search state</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>People found</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Send a message</translation>
    </message>
</context>
<context>
    <name>PublicRoomsDialog</name>
    <message>
        <source>Public salons</source>
        <translation>Public salons</translation>
    </message>
    <message>
        <source>Forums open to every agent of the public service.</source>
        <translation>Forums open to every agent of the public service.</translation>
    </message>
    <message>
        <source>Search a salon by name or topic</source>
        <translation>Search a salon by name or topic</translation>
    </message>
    <message>
        <source>Search the public salons</source>
        <translation>Search the public salons</translation>
    </message>
    <message>
        <source>List state</source>
        <translation>List state</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
</TS>
