; The Windows installer: per user, without administrator rights, into
; %LOCALAPPDATA%\Programs\FieldSurvey: python\ (python.org's embeddable Python), app\ (FieldSurvey
; and its dependencies from their Windows wheels), FieldSurvey.exe (the launcher) and
; fieldsurvey.cmd (the command line). Start-menu entries in the language chosen at the start
; (Tiếng Việt or English). The uninstaller removes exactly those files and nothing else: the
; users' workspaces, settings, keys and logs (%LOCALAPPDATA%\FieldSurvey) stay.
; Built by build_windows.sh: makensis -DVERSION=… -DSTAGE=… -DOUTFILE=… -DSIZE_KB=… \
;   -DCOMPRESSOR="/SOLID lzma" fieldsurvey.nsi
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor ${COMPRESSOR}

!define APP "FieldSurvey"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\FieldSurvey"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "FieldSurvey developers, MIT licence"

!include "MUI2.nsh"
!define MUI_ICON "fieldsurvey.ico"
!define MUI_UNICON "fieldsurvey.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\FieldSurvey.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutApp ${LANG_VIETNAMESE} "FieldSurvey – Khảo sát camera"
LangString ShortcutApp ${LANG_ENGLISH} "FieldSurvey – Camera survey"
LangString ShortcutAppTip ${LANG_VIETNAMESE} "Khảo sát hệ thống camera giám sát của Hà Nội, làm việc ngoại tuyến"
LangString ShortcutAppTip ${LANG_ENGLISH} "Survey Hà Nội's surveillance cameras, offline"
LangString ShortcutUninstall ${LANG_VIETNAMESE} "Gỡ cài đặt FieldSurvey"
LangString ShortcutUninstall ${LANG_ENGLISH} "Uninstall FieldSurvey"
LangString Compiling ${LANG_VIETNAMESE} "Chuẩn bị lần chạy đầu tiên…"
LangString Compiling ${LANG_ENGLISH} "Preparing the first start…"
LangString DataKept ${LANG_VIETNAMESE} "Dữ liệu khảo sát (workspace), cài đặt và khoá trong $LOCALAPPDATA\${APP} được giữ nguyên."
LangString DataKept ${LANG_ENGLISH} "Survey data (workspaces), settings and keys in $LOCALAPPDATA\${APP} are kept."

Function .onInit
    !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
    !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "FieldSurvey"
    SetShellVarContext current
    ; An earlier version's Python and packages go first, so nothing stale stays importable.
    RMDir /r "$INSTDIR\python"
    RMDir /r "$INSTDIR\app"
    SetOutPath "$INSTDIR"
    File /r "${STAGE}\*.*"
    DetailPrint "$(Compiling)"
    nsExec::ExecToLog '"$INSTDIR\python\python.exe" -m compileall -q -j 0 "$INSTDIR\app"'
    Pop $0
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateDirectory "$SMPROGRAMS\${APP}"
    CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutApp).lnk" "$INSTDIR\FieldSurvey.exe" "" \
        "$INSTDIR\FieldSurvey.exe" 0 SW_SHOWNORMAL "" "$(ShortcutAppTip)"
    CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutUninstall).lnk" "$INSTDIR\uninstall.exe"

    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "FieldSurvey developers"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\FieldSurvey.exe"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
    SetShellVarContext current
    ; Only what the installer put there (never RMDir /r on the folder itself: a user may have
    ; chosen a folder that holds other things).
    RMDir /r "$INSTDIR\python"
    RMDir /r "$INSTDIR\app"
    Delete "$INSTDIR\FieldSurvey.exe"
    Delete "$INSTDIR\fieldsurvey.cmd"
    Delete "$INSTDIR\LICENSE.txt"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${APP}\*.lnk"
    RMDir "$SMPROGRAMS\${APP}"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DetailPrint "$(DataKept)"
SectionEnd
