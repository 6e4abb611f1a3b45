#version 330 core
// The soft, slowly breathing glow behind the Today screen: two warm light
// pools drifting over the theme's background colour. Subtle on purpose; with
// "reduce motion" the app passes a fixed time and it stands still.
in vec2 uv;
out vec4 fragColor;

uniform float time;        // seconds
uniform vec2 resolution;   // framebuffer pixels
uniform vec3 baseColor;    // theme background
uniform vec3 glowColor;    // theme accent
uniform float glowStrength;

float pool(vec2 p, vec2 centre, float radius) {
    float d = length(p - centre) / radius;
    return exp(-d * d);
}

void main() {
    float aspect = resolution.x / max(resolution.y, 1.0);
    vec2 p = vec2(uv.x * aspect, uv.y);
    float t = time * 0.05;
    vec2 a = vec2(aspect * (0.78 + 0.06 * sin(t * 1.3)), 0.86 + 0.05 * cos(t));
    vec2 b = vec2(aspect * (0.18 + 0.05 * cos(t * 0.9)), 0.12 + 0.04 * sin(t * 1.1));
    float glow = 0.85 * pool(p, a, 0.55) + 0.6 * pool(p, b, 0.45);
    vec3 colour = mix(baseColor, glowColor, clamp(glow * glowStrength, 0.0, 1.0));
    // A hint of grain keeps large gradients from banding.
    float grain = fract(sin(dot(gl_FragCoord.xy, vec2(12.9898, 78.233))) * 43758.5453);
    colour += (grain - 0.5) / 255.0;
    fragColor = vec4(colour, 1.0);
}
