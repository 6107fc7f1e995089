/**
 * The local tooling runs on the developer's Node (20 here); the deployed functions run on Node 24.
 * The SDK's warning about Node 20 support ending in 2027 is therefore noise locally.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
