<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ClaimController</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/controllers/claim_controller.py" line="350" />
        <source>%n document(s) attached.</source>
        <translation><numerusform>%n document attached.</numerusform><numerusform>%n documents attached.</numerusform></translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/models/claims_model.py" line="140" />
        <source>(%n thing(s) missing)</source>
        <translation><numerusform>(%n thing missing)</numerusform><numerusform>(%n things missing)</numerusform></translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/controllers/document_controller.py" line="120" />
        <source>%n field(s) to check</source>
        <translation><numerusform>%n field to check</numerusform><numerusform>%n fields to check</numerusform></translation>
    </message>
</context>
<context>
    <name>DocumentsTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/models/documents_model.py" line="91" />
        <source>%n field(s) to check</source>
        <translation><numerusform>%n field to check</numerusform><numerusform>%n fields to check</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/controllers/import_controller.py" line="106" />
        <source>%n document(s) imported</source>
        <translation><numerusform>%n document imported</numerusform><numerusform>%n documents imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/controllers/import_controller.py" line="108" />
        <source>%n already there</source>
        <translation><numerusform>%n already there</numerusform><numerusform>%n already there</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/controllers/import_controller.py" line="110" />
        <source>%n could not be read</source>
        <translation><numerusform>%n could not be read</numerusform><numerusform>%n could not be read</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="391" />
        <source>%n document(s) mention “%1”.</source>
        <translation><numerusform>%n document mentions “%1”.</numerusform><numerusform>%n documents mention “%1”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="401" />
        <source>%n document(s).</source>
        <translation><numerusform>%n document.</numerusform><numerusform>%n documents.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/main_window.py" line="604" />
        <source>%n document(s) attached.</source>
        <translation><numerusform>%n document attached.</numerusform><numerusform>%n documents attached.</numerusform></translation>
    </message>
</context>
<context>
    <name>SidebarView</name>
    <message numerus="yes">
        <location filename="../../desktop_app/gui/views/sidebar_view.py" line="67" />
        <source>%n claim(s) need something from you</source>
        <translation><numerusform>%n claim needs something from you</numerusform><numerusform>%n claims need something from you</numerusform></translation>
    </message>
</context>
</TS>