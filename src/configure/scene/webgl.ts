/** What this browser's WebGL can do, checked before the Canvas exists (no three.js needed). */
export interface WebGLSupport {
  available: boolean;
  /**
   * Rendered on the CPU (SwiftShader, llvmpipe, Microsoft Basic Render): every pixel and draw call costs real
   * milliseconds there, so the view renders one pixel per CSS pixel rather than retina resolution.
   */
  software: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function probeWebGL(): WebGLSupport {
  if (typeof document === 'undefined') return { available: false, software: false };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return { available: false, software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    // Give the probe's context back at once: browsers cap live contexts, and the Canvas needs one.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: SOFTWARE_RENDERER.test(renderer) };
  } catch {
    return { available: false, software: false };
  }
}
