; Inno Setup script: a Windows installer for the PyInstaller one-folder build.
;
;   py -m venv .venv
;   .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller packaging\paperasse.spec --noconfirm --distpath dist --workpath build
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\paperasse.iss
;
; The version comes from the package: pass it with /DAppVersion=... (see packaging\README.md,
; which reads it from desktop_app.__version__). Output: dist\Paperasse-<version>-setup.exe.
; Installs per user by default (no administrator rights needed); the user can choose all users.

#define AppName "Paperasse"
#define AppId "org.paperasse.Paperasse"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "paperasse.exe"
#define CliExe "paperasse-cli.exe"
#define SourceDir "..\..\dist\paperasse"

[Setup]
; AppId must never change between versions: it is how upgrades find the installed copy.
AppId={{6F1E3C52-5C0B-4B8E-9C43-3E0D2A6B7A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Paperasse contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\{#AppId}.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; Sign the installer and the uninstaller (see packaging\README.md): define SignTool "signtool"
; in Inno Setup's Tools > Configure Sign Tools as
;   signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f
; then uncomment:
; SignTool=signtool

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; AppUserModelID: "{#AppId}"

[Registry]
; "Open with > Paperasse" for the document types it reads (not the default handler).
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".jpg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".jpeg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".png"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tif"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tiff"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".heic"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Tell the user when OCR will not work: no bundled tesseract and none installed.
function TesseractFound(): Boolean;
begin
  Result := FileExists(ExpandConstant('{app}\_internal\tesseract\tesseract.exe'))
    or FileExists(ExpandConstant('{commonpf64}\Tesseract-OCR\tesseract.exe'))
    or FileExists(ExpandConstant('{commonpf32}\Tesseract-OCR\tesseract.exe'))
    or FileExists(ExpandConstant('{localappdata}\Programs\Tesseract-OCR\tesseract.exe'));
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and (not WizardSilent()) and (not TesseractFound()) then
    MsgBox('Paperasse reads scans with Tesseract OCR, which is not installed.' + #13#10 +
           'Install it from https://github.com/UB-Mannheim/tesseract/wiki and tick ' +
           '"French" among the languages. Without it, scans are kept but not read.',
           mbInformation, MB_OK);
end;
