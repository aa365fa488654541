; Inno Setup 6 script of ReleaseWriter's Windows installer.
;
; Compile with packaging/windows/build_installer.py, which reads the version
; from src/releasewriter/__init__.py and passes the defines below; by hand:
;
;   ISCC.exe /DBundleDir=C:\src\releasewriter\dist\ReleaseWriter /DAppVersion=0.1.0
;            /DOutputDir=C:\src\releasewriter\dist packaging\windows\releasewriter.iss
;
; Defines (ISCC /DName=Value):
;   BundleDir       required: the PyInstaller one-folder bundle (dist\ReleaseWriter)
;   AppVersion      required: the PEP 440 version (0.1.0, 1.2.0rc1)
;   VersionNumbers  the four numbers of VersionInfoVersion (1.2.0.30001 for 1.2.0rc1,
;                   see version_resource.py); default: AppVersion, which suits 0.1.0
;   OutputDir       where the setup goes; default: the script's folder
;   GuiExeSource    the GUI executable's name in BundleDir; default ReleaseWriter.exe
;   CliExeSource    the console executable's name in BundleDir; default
;                   releasewriter-cli.exe. A bundle built on Linux has them without
;                   .exe (CI packs it to test this script); they are installed as
;                   ReleaseWriter.exe and releasewriter-cli.exe whatever their names here.
;   IconDir         a folder with releasewriter.ico and releasewriter-draft.ico
;                   (packaging/icons.py); optional
;   Compression     default lzma2/max (the released installer); lzma2/fast compiles
;                   six times faster for a setup a third larger
;   LzmaThreads     LZMANumBlockThreads, default 2
;   SIGN            defined when ISCC is given /Ssigntool=... : signs both executables,
;                   the setup and the uninstaller

#ifndef BundleDir
  #error Define BundleDir (ISCC /DBundleDir=...): the PyInstaller bundle folder
#endif
#ifndef AppVersion
  #error Define AppVersion (ISCC /DAppVersion=...): the version in src/releasewriter/__init__.py
#endif
#ifndef VersionNumbers
  #define VersionNumbers AppVersion
#endif
#ifndef OutputDir
  #define OutputDir SourcePath
#endif
#ifndef GuiExeSource
  #define GuiExeSource "ReleaseWriter.exe"
#endif
#ifndef CliExeSource
  #define CliExeSource "releasewriter-cli.exe"
#endif
#ifndef Compression
  #define Compression "lzma2/max"
#endif
#ifndef LzmaThreads
  #define LzmaThreads "2"
#endif

#define AppName "ReleaseWriter"
#define AppPublisher "ReleaseWriter developers"
#define GuiExe "ReleaseWriter.exe"
#define CliExe "releasewriter-cli.exe"
; The draft files' ProgID (see [Registry]).
#define DraftProgId "ReleaseWriter.Draft"

#if !FileExists(AddBackslash(BundleDir) + GuiExeSource)
  #error BundleDir has no GUI executable (GuiExeSource)
#endif
#if !FileExists(AddBackslash(BundleDir) + CliExeSource)
  #error BundleDir has no console executable (CliExeSource)
#endif

#ifdef IconDir
  #if FileExists(AddBackslash(IconDir) + "releasewriter.ico")
    #define SetupIcon AddBackslash(IconDir) + "releasewriter.ico"
  #endif
  #if FileExists(AddBackslash(IconDir) + "releasewriter-draft.ico")
    #define DraftIcon AddBackslash(IconDir) + "releasewriter-draft.ico"
  #endif
#endif

[Setup]
; Never change AppId: it is how Setup finds the previous version to upgrade in
; place (same folder, same install mode) and how Windows lists the app once.
AppId={{95781F2A-2789-4025-9D45-690BB6657C22}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=Copyright (C) {#AppPublisher}. MIT License.
VersionInfoVersion={#VersionNumbers}
VersionInfoProductVersion={#VersionNumbers}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} Setup

; Per user by default, in the user's programs folder, no administrator needed;
; IT installs for all users with /ALLUSERS (or picks it in the dialog), which
; puts the app in Program Files and its registry entries in HKLM (HKA below).
; An upgrade keeps the mode and the folder of the install it upgrades.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; {autopf} would be the same folders, but wine 8 cannot expand it (per user),
; and the installer is tested under wine: InstallRoot picks the same places.
DefaultDirName={code:InstallRoot}\{#AppName}
DisableProgramGroupPage=yes
; The bundle is 64-bit Python and Qt 6, which needs Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
; Explorer is told when the file associations change.
ChangesAssociations=yes
; Setup asks to close a running ReleaseWriter (Restart Manager) before replacing it.
CloseApplications=yes
WizardStyle=modern
; The installer starts in Windows' display language when it has it, and asks otherwise.
ShowLanguageDialog=auto
#ifdef SetupIcon
SetupIconFile={#SetupIcon}
#endif

OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
; Two threads compress the solid stream in two blocks: a third less time for
; 0.4% more bytes (the 184 MB bundle: 64 s and 73.8 MB against 83 s and 73.5 MB).
LZMANumBlockThreads={#LzmaThreads}

#ifdef SIGN
; ISCC /Ssigntool="signtool.exe sign /fd sha256 ... $f" (build_installer.py
; passes RELEASEWRITER_SIGN_COMMAND); signs the setup, the uninstaller and the
; files flagged "signonce" below.
SignTool=signtool
SignedUninstaller=yes
  #define SignFlag " signonce"
#else
  #define SignFlag ""
#endif

; The installer speaks the languages of the app that Inno Setup ships messages
; for: English, French, Spanish, Russian, Arabic, Portuguese (Portugal and
; Brazil: the app's "pt" is both) and German.
; No Simplified Chinese: Inno Setup ships no messages file for it (there is only
; an unofficial translation on its website), so Chinese Windows gets the
; installer in English; the app itself speaks Chinese.
[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"
Name: "pt"; MessagesFile: "compiler:Languages\Portuguese.isl"
Name: "ptbr"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade removes the previous version's libraries first: a module or DLL
; that the new version no longer ships must not stay behind and be loaded.
; (The app's data is in the user's profile, or in {app}\data for a portable
; copy, never in _internal.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; ignoreversion: the bundle's files replace what is there, whatever its version.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "\{#GuiExeSource},\{#CliExeSource}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#BundleDir}\{#GuiExeSource}"; DestDir: "{app}"; DestName: "{#GuiExe}"; Flags: ignoreversion{#SignFlag}
Source: "{#BundleDir}\{#CliExeSource}"; DestDir: "{app}"; DestName: "{#CliExe}"; Flags: ignoreversion{#SignFlag}
#ifdef DraftIcon
Source: "{#DraftIcon}"; DestDir: "{app}"; DestName: "releasewriter-draft.ico"; Flags: ignoreversion
#endif

[Icons]
; {autoprograms}: the user's Start menu, or everyone's in an all-users install.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Drafts are named <id>.rwdraft, an extension of their own: the installer
; makes the ProgID ReleaseWriter.Draft its default program, so a double-click
; opens a draft in ReleaseWriter. Drafts of versions before 0.1.0 were named
; <id>.release.json, and Windows picks a file's handler by its last extension
; only: ".json". Taking over .json would take every JSON file on the machine,
; so for those the ProgID is only listed under .json\OpenWithProgids ("Open
; with"); the app renames them to .rwdraft when it starts. All of it is under
; Software\Classes of HKA (HKCU per user, HKLM for all users) and goes with
; the uninstaller.
Root: HKA; Subkey: "Software\Classes\{#DraftProgId}"; ValueType: string; ValueName: ""; ValueData: "ReleaseWriter draft"; Flags: uninsdeletekey
#ifdef DraftIcon
Root: HKA; Subkey: "Software\Classes\{#DraftProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\releasewriter-draft.ico"
#else
Root: HKA; Subkey: "Software\Classes\{#DraftProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
#endif
Root: HKA; Subkey: "Software\Classes\{#DraftProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.rwdraft"; ValueType: string; ValueName: ""; ValueData: "{#DraftProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.rwdraft"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-releasewriter-draft"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.rwdraft\OpenWithProgids"; ValueType: string; ValueName: "{#DraftProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#DraftProgId}"; ValueData: ""; Flags: uninsdeletevalue
; The application's own entry: its name in "Open with", and the types it opens.
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".rwdraft"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: dirifempty; Name: "{app}"

[Code]
// The folder the app goes into: the user's programs folder
// (%LOCALAPPDATA%\Programs, where autopf points per user) or, for all
// users, Program Files.
function InstallRoot(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := ExpandConstant('{commonpf}')
  else
    Result := ExpandConstant('{localappdata}\Programs');
end;
