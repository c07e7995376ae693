"""The kit on a JupyterHub: nbgitpuller links, the TLJH plugin, a local hub to try it on.

Kept out of the core package's import path on purpose: `import mootcourt` never imports
this package, and nothing here is needed to run a lesson. JupyterHub and nbgitpuller are the
optional extra `hub` (`pip install "mootcourt[hub]"`); `links` needs neither of them.

- `links`: the nbgitpuller link that pulls the course into a student's own server and opens
  one lesson (`mootcourt link`), with a QR code for the projector.
- `tljh`: the plugin The Littlest JupyterHub loads through the `tljh` entry point.
- `local`: a JupyterHub on one machine for an instructor trying it out (`make hub`), and the
  configuration the multi-user test runs.
"""
