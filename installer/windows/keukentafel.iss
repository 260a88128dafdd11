; Inno Setup 6 script for Keukentafel on Windows (docs/operations.md, "The laptop app").
;
;   pyinstaller installer\keukentafel.spec --noconfirm --distpath dist --workpath build\pyinstaller
;   iscc installer\windows\keukentafel.iss
;
; The spec writes version.iss (the version from pyproject.toml, the only place it lives) and
; keukentafel.ico into build\pyinstaller\generated; this script takes both from there.
; Per-user by default (no administrator needed); IT installs per machine with
; `/ALLUSERS` on the command line, or the user picks it in the dialog.

#include "..\..\build\pyinstaller\generated\version.iss"

[Setup]
AppId={#AppId}
AppName=Keukentafel
AppVersion={#AppVersion}
AppVerName=Keukentafel {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoDescription=Keukentafel setup
VersionInfoCopyright=EUPL-1.2
DefaultDirName={autopf}\Keukentafel
DefaultGroupName=Keukentafel
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsedUserAreasWarning=no
LicenseFile=..\..\LICENCE
SetupIconFile=..\..\build\pyinstaller\generated\keukentafel.ico
UninstallDisplayIcon={app}\keukentafel.exe
UninstallDisplayName=Keukentafel
OutputDir=..\..\dist
OutputBaseFilename=keukentafel-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\keukentafel\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Keukentafel"; Filename: "{app}\keukentafel.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\Keukentafel"; Filename: "{app}\keukentafel.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\keukentafel.exe"; Description: "{cm:LaunchProgram,Keukentafel}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
nl.AppComment=Dossiers, netwerkkaarten en veiligheidsplannen, ook zonder netwerk
en.AppComment=Case files, network maps and safety plans, also without network
nl.RemoveData=Wil je ook de dossiers op deze computer wissen?%n%nWat nog niet met de dienst is gesynchroniseerd, gaat dan verloren. Kies Nee als je het niet zeker weet: de dossiers blijven dan versleuteld staan.
en.RemoveData=Do you also want to erase the case files on this computer?%n%nWhat has not been synced with the service yet is then lost. Choose No if you are not sure: the case files then stay, encrypted.

[Code]
// The store lives where desktop/cli.py's default_data_dir puts it on Windows:
// platformdirs' user data folder, %LOCALAPPDATA%\keukentafel. Removing it is the worker's
// choice, asked once, with No as the default: unsynced work cannot be brought back.
// The wrapped key in Windows' Credential Manager stays; it opens nothing without the store.
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\keukentafel');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent() then
  begin
    if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir(), True, True, True);
  end;
end;
