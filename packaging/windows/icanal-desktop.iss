; Inno Setup script: installs the PyInstaller bundle (dist\icanal-desktop\, built with
; packaging\icanal-desktop-windows.spec) per user or for all users, with a Start-menu entry,
; an optional desktop shortcut and an uninstaller (Settings > Apps).
; Built by .github/workflows/installers.yml on a Windows runner:
;   iscc /DAppVersion=0.1.0 packaging\windows\icanal-desktop.iss
; Not exercised on our (Linux) machines.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "iCanal Desktop"
#define AppExe "icanal-desktop.exe"
#define SourceDir "..\..\dist\icanal-desktop"

[Setup]
; A fixed id: upgrades replace the installed version instead of adding a second one.
AppId={{6B1E0C52-3F0A-4C4E-9D7B-2E4C1A9F5D31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=iCanal
AppPublisherURL=https://espace-client.icanal.example
AppSupportURL=https://espace-client.icanal.example/aide
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\iCanal Desktop
DefaultGroupName=iCanal
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=icanal-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icanal-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
