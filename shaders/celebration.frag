#version 330 core
// Behind a celebration: embers and small hearts rising like sparks from a
// fire, in the theme's warm colours, for `duration` seconds. They fade in,
// drift with a gentle sway and fade out; after `duration` nothing is drawn,
// so the card stands calmly on its own. Blended over the background.
in vec2 uv;
out vec4 fragColor;

uniform float time;      // seconds since the celebration appeared
uniform float duration;  // seconds the effect lasts
uniform vec2 resolution; // framebuffer pixels
uniform vec3 colourA;    // accent (ember orange)
uniform vec3 colourB;    // partner 1
uniform vec3 colourC;    // partner 2

float hash(vec2 p) {
    return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453);
}

// Inside (1) or outside (0) of a heart centred at 0 with unit size, soft at
// the edge: the implicit curve (x^2 + y^2 - 1)^3 - x^2 y^3 = 0.
float heart(vec2 p, float softness) {
    p *= 1.25;
    p.y += 0.15;
    float a = p.x * p.x + p.y * p.y - 1.0;
    float f = a * a * a - p.x * p.x * p.y * p.y * p.y;
    return 1.0 - smoothstep(-softness, softness, f);
}

vec3 pick(float h) {
    if (h < 0.5) return colourA;
    if (h < 0.75) return colourB;
    return colourC;
}

void main() {
    // Fade in quickly, hold, fade out over the last two seconds.
    float envelope = smoothstep(0.0, 0.5, time) * (1.0 - smoothstep(duration - 2.0, duration, time));
    if (envelope <= 0.0) discard;

    vec2 p = gl_FragCoord.xy / resolution.y; // height is 1, width is the aspect
    vec3 colour = vec3(0.0); // weighted sum of the particles' colours
    float weight = 0.0;
    float alpha = 0.0;

    // Four layers: far ones small and slow, near ones larger and quicker.
    for (int layer = 0; layer < 4; ++layer) {
        float depth = float(layer);
        float cells = 11.0 - 2.0 * depth;           // cells per screen height
        float speed = 0.10 + 0.05 * depth;          // screen heights per second
        vec2 q = p * cells + vec2(depth * 7.3, -time * speed * cells);
        vec2 cell = floor(q);
        vec2 local = fract(q) - 0.5;
        float h = hash(cell + depth * 31.0);
        if (h > 0.30) continue;                     // most cells stay empty
        float h2 = hash(cell * 1.7 + 3.1 + depth);
        float h3 = hash(cell * 2.3 + 7.7 + depth);
        // A sway within the cell, so sparks drift rather than march.
        vec2 centre = vec2(0.25 * sin(time * (0.8 + h2) + h3 * 6.28), 0.2 * (h3 - 0.5));
        vec2 d = local - centre;
        float size = 0.10 + 0.10 * h2;
        float twinkle = 0.75 + 0.25 * sin(time * (3.0 + 4.0 * h3) + h * 40.0);
        float shape;
        if (h2 < 0.3) {
            shape = heart(d / size, 0.03);          // a small heart
        } else {
            float r = length(d) / size;
            shape = exp(-r * r * 2.5);               // a glowing ember
        }
        shape *= twinkle * (0.55 + 0.15 * depth);
        colour += pick(h3) * shape;
        weight += shape;
        alpha = max(alpha, shape);
    }

    // A soft bloom in the centre that swells when the celebration opens.
    float aspect = resolution.x / max(resolution.y, 1.0);
    float centreDistance = length(p - vec2(0.5 * aspect, 0.55));
    float bloom = exp(-centreDistance * centreDistance * 6.0) * 0.35 * exp(-time * 0.6);
    colour += colourA * bloom;
    weight += bloom;
    alpha = max(alpha, bloom);

    fragColor = vec4(colour / max(weight, 1e-4), clamp(alpha * envelope, 0.0, 1.0));

}
