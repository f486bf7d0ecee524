"""A candidate's photo: checked by opening it (not by its name), made small and re-encoded.

Re-encoding drops whatever else the file carried (EXIF with GPS positions, scripts in an
SVG's clothing, trailing data), and a photo of at most 1200 pixels is all a cover shows.
"""

from __future__ import annotations

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1200
RASTER_FORMATS = {"JPEG", "PNG", "WEBP"}
TOO_MANY_PIXELS = "Deze foto heeft te veel pixels; kies een kleinere versie."
NOT_A_PHOTO = "Kies een foto als JPEG-, PNG- of WebP-bestand (geen SVG, PDF of ander bestand)."


def checked_photo(upload) -> bytes:
    """The upload as a JPEG of at most MAX_SIDE pixels, or a Dutch ValidationError."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError("Deze foto is te groot: kies een bestand tot 10 MB.", code="size")
    try:
        with warnings.catch_warnings():
            # A decompression bomb is refused below, by our own pixel limit.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in RASTER_FORMATS:
                    raise ValidationError(NOT_A_PHOTO, code="format")
                if image.width * image.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                    raise ValidationError(TOO_MANY_PIXELS, code="pixels")
                image.load()  # decodes everything: a truncated or broken file fails here
                return reencoded(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_A_PHOTO, code="format") from error


def reencoded(image: Image.Image) -> bytes:
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def save_photo(data: bytes, title: str, collection):
    """A Wagtail image under an unguessable file name (not the candidate's own file name)."""
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title=title,
        file=ContentFile(data, name=f"kandidaat-{uuid.uuid4().hex}.jpg"),
        collection=collection,
    )
