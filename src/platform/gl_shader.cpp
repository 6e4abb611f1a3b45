#include "platform/gl_shader.hpp"

#include "app/resources.hpp"

namespace kindling::platform {

namespace {

std::string shaderLog(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    return log.c_str();
}

std::string programLog(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
    glGetProgramInfoLog(program, length, nullptr, log.data());
    return log.c_str();
}

GLuint compile(GLenum kind, std::string_view name, std::string& error) {
    const auto source = embeddedResource(name);
    if (!source) {
        error = std::string(name) + ": not embedded in this build";
        return 0;
    }
    const GLuint shader = glCreateShader(kind);
    const GLchar* text = source->data();
    const GLint length = static_cast<GLint>(source->size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = std::string(name) + ": " + shaderLog(shader);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

ShaderBuild buildFullscreenEffect(std::string_view fragmentName) {
    ShaderBuild build;
    const GLuint vertex = compile(GL_VERTEX_SHADER, "shaders/fullscreen.vert", build.error);
    if (vertex == 0) return build;
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragmentName, build.error);
    if (fragment == 0) {
        glDeleteShader(vertex);
        return build;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        build.error = std::string(fragmentName) + " (link): " + programLog(program);
        glDeleteProgram(program);
        return build;
    }
    build.program = program;
    return build;
}

FullscreenEffect::FullscreenEffect(std::string_view fragmentName)
    : build_(buildFullscreenEffect(fragmentName)) {
    glGenVertexArrays(1, &vertexArray_);
}

FullscreenEffect::~FullscreenEffect() {
    if (build_.program != 0) glDeleteProgram(build_.program);
    if (vertexArray_ != 0) glDeleteVertexArrays(1, &vertexArray_);
}

bool FullscreenEffect::begin(int width, int height) {
    if (!build_) return false;
    glViewport(0, 0, width, height);
    glUseProgram(build_.program);
    set("resolution", static_cast<float>(width), static_cast<float>(height));
    return true;
}

void FullscreenEffect::set(const char* uniform, float value) {
    glUniform1f(glGetUniformLocation(build_.program, uniform), value);
}

void FullscreenEffect::set(const char* uniform, float x, float y) {
    glUniform2f(glGetUniformLocation(build_.program, uniform), x, y);
}

void FullscreenEffect::set(const char* uniform, float x, float y, float z) {
    glUniform3f(glGetUniformLocation(build_.program, uniform), x, y, z);
}

void FullscreenEffect::end(bool blend) {
    if (blend) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    } else {
        glDisable(GL_BLEND);
    }
    glBindVertexArray(vertexArray_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

std::vector<std::string_view> effectNames() {
    std::vector<std::string_view> names;
    for (std::string_view name : embeddedResourceNames())
        if (name.starts_with("shaders/") && name.ends_with(".frag")) names.push_back(name);
    return names;
}

} // namespace kindling::platform
