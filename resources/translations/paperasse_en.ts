<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupsController</name>
    <message numerus="yes">
        <source>%n scan(s) copied this time.</source>
        <translation>
            <numerusform>%n scan copied this time.</numerusform>
            <numerusform>%n scans copied this time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not copied, as missing or damaged here: %n scan(s).</source>
        <translation>
            <numerusform>Not copied, as missing or damaged here: %n scan.</numerusform>
            <numerusform>Not copied, as missing or damaged here: %n scans.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimController</name>
    <message numerus="yes">
        <source>%n document(s) attached.</source>
        <translation>
            <numerusform>%n document attached.</numerusform>
            <numerusform>%n documents attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message numerus="yes">
        <source>(%n thing(s) missing)</source>
        <translation>
            <numerusform>(%n thing missing)</numerusform>
            <numerusform>(%n things missing)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation>
            <numerusform>%n field to check</numerusform>
            <numerusform>%n fields to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsTableModel</name>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation>
            <numerusform>%n field to check</numerusform>
            <numerusform>%n fields to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>%n document imported</numerusform>
            <numerusform>%n documents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
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
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n reminder due</numerusform>
            <numerusform>%n reminders due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafekeepingController</name>
    <message numerus="yes">
        <source>Backup restored from %1: %n scan(s) copied.</source>
        <translation>
            <numerusform>Backup restored from %1: %n scan copied.</numerusform>
            <numerusform>Backup restored from %1: %n scans copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) this backup refers to are missing or changed in the data folder.</source>
        <translation>
            <numerusform>%n scan this backup refers to are missing or changed in the data folder.</numerusform>
            <numerusform>%n scans this backup refers to are missing or changed in the data folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) could not be brought back (missing or damaged in the backup folder): %1</source>
        <translation>
            <numerusform>%n scan could not be brought back (missing or damaged in the backup folder): %1</numerusform>
            <numerusform>%n scans could not be brought back (missing or damaged in the backup folder): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This archive of %1 holds %2 and %n scan(s).</source>
        <translation>
            <numerusform>This archive of %1 holds %2 and %n scan.</numerusform>
            <numerusform>This archive of %1 holds %2 and %n scans.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n result(s) for “%1”.</source>
        <translation>
            <numerusform>%n result for “%1”.</numerusform>
            <numerusform>%n results for “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message numerus="yes">
        <source>%n claim(s) need something from you</source>
        <translation>
            <numerusform>%n claim needs something from you</numerusform>
            <numerusform>%n claims need something from you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementController</name>
    <message numerus="yes">
        <source>%n payment(s) from %1 match your claims. Check them, then record them in one step.</source>
        <translation>
            <numerusform>%n payment from the %1 matches your claims. Check it, then record it.</numerusform>
            <numerusform>%n payments from the %1 match your claims. Check them, then record them in one step.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) recorded from the statement.</source>
        <translation>
            <numerusform>%n payment recorded from the statement.</numerusform>
            <numerusform>%n payments recorded from the statement.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashController</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
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
        <source>Remove the %n item(s) in the Trash for good?</source>
        <translation>
            <numerusform>Remove the %n item in the Trash for good?</numerusform>
            <numerusform>Remove the %n items in the Trash for good?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
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
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchController</name>
    <message numerus="yes">
        <source>%n document(s) arrived in the Inbox from watched folders.</source>
        <translation>
            <numerusform>%n document arrived in the Inbox from watched folders.</numerusform>
            <numerusform>%n documents arrived in the Inbox from watched folders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowLoading</name>
    <message numerus="yes">
        <source>%n document(s).</source>
        <translation>
            <numerusform>%n document.</numerusform>
            <numerusform>%n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message numerus="yes">
        <source>%n document(s) attached.</source>
        <translation>
            <numerusform>%n document attached.</numerusform>
            <numerusform>%n documents attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowRestoring</name>
    <message numerus="yes">
        <source>The last backup to %1 was %n day(s) ago.</source>
        <translation>
            <numerusform>The last backup to %1 was %n day ago.</numerusform>
            <numerusform>The last backup to %1 was %n days ago.</numerusform>
        </translation>
    </message>
</context>
</TS>
