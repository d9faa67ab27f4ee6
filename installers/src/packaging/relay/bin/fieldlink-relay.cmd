@echo off
rem Runs the Fieldlink relay from this distribution on Windows:
rem   fieldlink-relay.cmd serve --config C:\ProgramData\Fieldlink\relay\relay.yaml
rem Needs Java 17 or newer: %JAVA_HOME%\bin\java.exe, else java on the PATH. JVM options: FIELDLINK_RELAY_JAVA_OPTS.
setlocal
set "FIELDLINK_RELAY_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java.exe")
if not defined FIELDLINK_RELAY_JAVA_OPTS set "FIELDLINK_RELAY_JAVA_OPTS=-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
"%JAVA%" %FIELDLINK_RELAY_JAVA_OPTS% -jar "%FIELDLINK_RELAY_HOME%\lib\fieldlink-relay.jar" %*
exit /b %ERRORLEVEL%
