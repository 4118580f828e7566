using Infra;
using Pulumi;

// `return` matters: it hands Pulumi's exit code back to the language host, so a failed program
// (for instance an invalid configuration) stops the update instead of looking like an empty one.
return await Deployment.RunAsync(() => DeviceSettingsProgram.Run());
